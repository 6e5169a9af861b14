// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Boost.Test for the Windows test programs: the framework compiled in from its headers
// (boost/test/included), with its main(), which calls the init_unit_test_suite() that each test
// file's BOOST_TEST_MODULE defines. (The build machine's Boost.Test library is Linux's.)
#include <boost/test/included/unit_test.hpp>
