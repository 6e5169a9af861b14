// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The translation unit that carries the Boost.Test programs' precompiled header
// (tests/CMakeLists.txt, mg_test_pch): nothing of its own.
