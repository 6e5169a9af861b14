// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the umbrella header: the whole header-only C++17 API.
//
// The MAMIS (医師会会員情報システム) application rules: which form, which boxes, which
// categories, in which order — or a refusal with a stable code. See README.md.
#pragma once

#include "answers.hpp"
#include "categories.hpp"
#include "directory.hpp"
#include "graphviz.hpp"
#include "guide.hpp"
#include "holidays.hpp"
#include "levels.hpp"
#include "master.hpp"
#include "plan.hpp"
#include "refusal_text.hpp"
#include "request.hpp"
#include "rules.hpp"
#include "support.hpp"
#include "text.hpp"
#include "transitions.hpp"
#include <mamisguide/version.hpp>
