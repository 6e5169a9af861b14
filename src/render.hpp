// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide command line — a plan or a refusal for a person (plan and guide print these).
#pragma once

#include "cli.hpp"

#include <string>

namespace mg_cli {

/// The plan: the form and what to click, the numbered steps (①②③…), the boxes to tick, the
/// categories, the manual, STEP 1's prerequisites, the notes and the state that results.
void render_plan(std::string& out, const directory& dir, const application_plan& p, lang l);

/// STEP 1 alone (user registration, or the MyPage check with both methods and the desk).
void render_prerequisites(std::string& out, const fixed_vector<prerequisite, 1>& pre, lang l);

/// The refusal: its code, message and field, and the suggestion as a command to run.
/// `member` is the state the request was made for (it goes into the suggested command).
void render_refusal(std::string& out, const refusal& r, const member_state& member,
                    const directory_options& dopts, lang l);

/// The `mamisguide plan …` command line that makes request `r` for `member`.
std::string plan_command(const member_state& member, const request& r,
                         const directory_options& dopts, lang l);

/// "①", "②", … "⑳" (and "(21)" beyond).
std::string circled(std::size_t n);

} // namespace mg_cli
