// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide benchmarks — shared fixtures (see fixtures.hpp).
#include "fixtures.hpp"

#include <stdexcept>

namespace mg_bench {
namespace {

using namespace mamisguide;

per_level<std::string_view> views(const std::array<std::string, 3>& c) {
    per_level<std::string_view> out;
    for (level l : all_levels) out[l] = c[index_of(l)];
    return out;
}

const char* c_str(const std::string& s) {
    return s.empty() ? nullptr : s.c_str();
}

} // namespace

const directory& jma_directory() {
    static const directory d = [] {
        auto r = load_master(directory::builtin(), jma_workload().master_csv, "generated");
        if (!r) throw std::runtime_error(r.error().message(lang::en));
        return *r;
    }();
    return d;
}

const mg_engine* jma_engine() {
    static mg_engine* e = [] {
        mg_engine* e = nullptr;
        const std::string& csv = jma_workload().master_csv;
        if (mg_engine_new(&e) != MG_OK ||
            mg_engine_load_directory_buffer(e, csv.data(), csv.size()) != MG_OK)
            throw std::runtime_error(mg_last_error());
        return e;
    }();
    return e;
}

const std::vector<typed_input>& typed_sample() {
    static const std::vector<typed_input> v = [] {
        std::vector<typed_input> out;
        for (const request_case& c : jma_workload().cases) {
            if (c.corrupted) continue;
            typed_input t;
            t.member.page = c.page;
            t.member.municipal = c.municipal;
            t.member.prefectural = c.prefectural;
            t.member.levels = level_set::from_bits(c.held);
            t.member.categories = views(c.member_categories);
            t.req.op = c.op;
            t.req.levels = level_set::from_bits(c.levels_given ? c.levels : 0);
            t.req.municipal = c.request_municipal;
            t.req.categories = views(c.request_categories);
            t.req.reason = c.reason;
            t.req.cascade = c.cascade;
            t.req.proxy = c.proxy;
            out.push_back(t);
            if (out.size() == sample_size) break;
        }
        return out;
    }();
    return v;
}

const std::vector<c_input>& c_sample() {
    static const std::vector<c_input> v = [] {
        std::vector<c_input> out;
        for (const request_case& c : jma_workload().cases) {
            if (c.corrupted) continue;
            c_input t{};
            t.member.version = MG_MEMBER_VERSION;
            t.req.version = MG_REQUEST_VERSION;
            t.member.mypage = static_cast<int>(c.page);
            t.member.municipal = c_str(c.municipal);
            t.member.prefectural = c_str(c.prefectural);
            t.member.levels = c.held;
            for (int i = 0; i < 3; ++i) t.member.categories[i] = c_str(c.member_categories[i]);
            t.req.operation = static_cast<int>(c.op);
            t.req.levels = c.levels_given ? c.levels : 0;
            t.req.municipal = c_str(c.request_municipal);
            for (int i = 0; i < 3; ++i) t.req.categories[i] = c_str(c.request_categories[i]);
            t.req.reason = c_str(c.reason);
            t.req.cascade = c.cascade;
            t.req.proxy = c.proxy;
            t.lang = c.english ? MG_LANG_EN : MG_LANG_JA;
            out.push_back(t);
            if (out.size() == sample_size) break;
        }
        return out;
    }();
    return v;
}

const std::vector<std::string_view>& json_sample() {
    static const std::vector<std::string_view> v = [] {
        std::vector<std::string_view> out;
        for (const std::string& l : jma_workload().lines) {
            out.push_back(l);
            if (out.size() == sample_size) break;
        }
        return out;
    }();
    return v;
}

} // namespace mg_bench
