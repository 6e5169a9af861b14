// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The C ABI tests' engine: the sample master, and two categories of 13-shinjuku (A, B) so that
// category questions and checks have a catalogue to use. Include after <boost/test/unit_test.hpp>.
#pragma once

#include <mamisguide.h>

struct sample_engine {
    mg_engine* e = nullptr;
    sample_engine() {
        BOOST_REQUIRE_EQUAL(mg_engine_new(&e), MG_OK);
        BOOST_REQUIRE_EQUAL(mg_engine_load_directory(e, MG_SAMPLE_MASTER), MG_OK);
        const char cats[] = "association,code,label\n13-shinjuku,A,A会員\n13-shinjuku,B,B会員\n";
        BOOST_REQUIRE_EQUAL(mg_engine_load_categories_buffer(e, cats, sizeof cats - 1), MG_OK);
    }
    ~sample_engine() { mg_engine_free(e); }
    sample_engine(const sample_engine&) = delete;
    sample_engine& operator=(const sample_engine&) = delete;
};
