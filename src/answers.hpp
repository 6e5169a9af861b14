// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide command line — answers that help a person (issue 17): every plan printed for a
// person says when it was made on the sample master and ends with the support desk (open now
// or not); a refusal lists what would be accepted or what was probably meant.
#pragma once

#include "cli.hpp"

#include <cstdint>
#include <string>

namespace mg_cli {

/// The support desk: name, phone, mail, hours, and whether it is open at `now` (Unix seconds)
/// and, if not, when it next opens.
void render_desk_now(std::string& out, lang l, std::int64_t now);

/// A plan for a person: the sample-master notice (when `dir` is the sample), the plan
/// (render_plan), and the desk as of now.
void render_plan_for_person(std::string& out, const directory& dir, const application_plan& p,
                            lang l);

/// A refusal for a person: render_refusal, then the categories accepted (unknown_category) or
/// the associations probably meant (unknown_association).
void render_refusal_for_person(std::string& out, const directory& dir, const refusal& r,
                               const member_state& member, const directory_options& dopts, lang l);

} // namespace mg_cli
