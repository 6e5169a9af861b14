// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Every exported mg_* function given what the contract calls bad arguments (issue 31): each pointer
// argument NULL, each enum argument out of range, each index and each struct version out of range.
// One table: the call, the status it must return, and what mg_last_error() must then say. A
// function with a char** output must also leave it NULL. Then the functions that answer NULL
// for an unknown code (the *_name functions, mg_engine_notice) and mg_status_name.
#define BOOST_TEST_MODULE capi_args
#include <boost/test/unit_test.hpp>

#include "capi_engine.hpp"

#include <mamisguide.h>

#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace {

using engine = sample_engine;

/// One bad call: its status, and the start of the message mg_last_error() gives after it.
struct bad_call {
    const char* call;
    std::function<int()> run;
    int status;
    std::string error;
};

std::string arg(const char* what) {
    return std::string("invalid argument: ") + what;
}
std::string version(const char* type, unsigned got) {
    return std::string(type) + ".version is " + std::to_string(got) + "; this library";
}

/// Calls `f` with a char** output set to a non-NULL mark; a failed call must leave it NULL
/// (mg_free on what a call answered anyway). A call that did not gives -1000.
int json_out(const std::function<int(char**)>& f) {
    char mark = 0;
    char* out = &mark;
    const int rc = f(&out);
    if (out == nullptr) return rc;
    if (out != &mark) mg_free(out);
    return -1000;
}

constexpr unsigned too_new = 99; // a struct version newer than this library knows

void run_table(const std::vector<bad_call>& calls) {
    for (const bad_call& c : calls) {
        BOOST_TEST_CONTEXT(c.call) {
            const int got = c.run();
            BOOST_TEST(got == c.status);
            const std::string error = mg_last_error();
            BOOST_TEST(error.substr(0, c.error.size()) == c.error);
            BOOST_TEST(!error.empty()); // (where no start is given: some message)
            BOOST_TEST(std::string(mg_status_name(got)) != "unknown_status");
        }
    }
}

} // namespace

BOOST_AUTO_TEST_CASE(engine_and_loads) {
    engine s;
    mg_engine* const e = s.e;
    const std::string master = MG_SAMPLE_MASTER;
    const char data[] = "x";
    run_table({
        {"mg_engine_new(NULL)", [] { return mg_engine_new(nullptr); }, MG_ERR_ARGUMENT,
         arg("out is NULL")},
        {"mg_engine_load_directory(NULL, path)",
         [&] { return mg_engine_load_directory(nullptr, master.c_str()); }, MG_ERR_ARGUMENT,
         arg("engine is NULL")},
        {"mg_engine_load_directory(e, NULL)", [&] { return mg_engine_load_directory(e, nullptr); },
         MG_ERR_ARGUMENT, arg("path is NULL")},
        {"mg_engine_load_directory_buffer(NULL, data, 1)",
         [&] { return mg_engine_load_directory_buffer(nullptr, data, 1); }, MG_ERR_ARGUMENT,
         arg("engine is NULL")},
        {"mg_engine_load_directory_buffer(e, NULL, 1)",
         [&] { return mg_engine_load_directory_buffer(e, nullptr, 1); }, MG_ERR_ARGUMENT,
         arg("data is NULL")},
        {"mg_engine_load_categories(NULL, path)",
         [&] { return mg_engine_load_categories(nullptr, master.c_str()); }, MG_ERR_ARGUMENT,
         arg("engine is NULL")},
        {"mg_engine_load_categories(e, NULL)",
         [&] { return mg_engine_load_categories(e, nullptr); }, MG_ERR_ARGUMENT,
         arg("path is NULL")},
        {"mg_engine_load_categories_buffer(NULL, data, 1)",
         [&] { return mg_engine_load_categories_buffer(nullptr, data, 1); }, MG_ERR_ARGUMENT,
         arg("engine is NULL")},
        {"mg_engine_load_categories_buffer(e, NULL, 1)",
         [&] { return mg_engine_load_categories_buffer(e, nullptr, 1); }, MG_ERR_ARGUMENT,
         arg("data is NULL")},
        {"mg_engine_load_sample(NULL)", [] { return mg_engine_load_sample(nullptr); },
         MG_ERR_ARGUMENT, arg("engine is NULL")},
        {"mg_engine_set_encoding(NULL, AUTO)",
         [] { return mg_engine_set_encoding(nullptr, MG_ENCODING_AUTO); }, MG_ERR_ARGUMENT,
         arg("engine is NULL")},
        {"mg_engine_set_encoding(e, AUTO - 1)",
         [&] { return mg_engine_set_encoding(e, MG_ENCODING_AUTO - 1); }, MG_ERR_ARGUMENT,
         arg("encoding")},
        {"mg_engine_set_encoding(e, CP932 + 1)",
         [&] { return mg_engine_set_encoding(e, MG_ENCODING_CP932 + 1); }, MG_ERR_ARGUMENT,
         arg("encoding")},
        {"mg_engine_set_buffer_name(NULL, name)",
         [] { return mg_engine_set_buffer_name(nullptr, "x"); }, MG_ERR_ARGUMENT,
         arg("engine is NULL")},
        {"mg_check_file(name, 5, NULL, 5)", [] { return mg_check_file("a.csv", 5, nullptr, 5); },
         MG_ERR_ARGUMENT, arg("head is NULL")},
        {"mg_check_file(name, 1, head, 2)", [] { return mg_check_file("a.csv", 1, "ab", 2); },
         MG_ERR_ARGUMENT, arg("head_len is more than size")},
        {"mg_engine_set_year_end(NULL, ...)",
         [] { return mg_engine_set_year_end(nullptr, 12, 29, 1, 3); }, MG_ERR_ARGUMENT,
         arg("engine is NULL")},
        {"mg_engine_set_year_end(e, 13, 1, 1, 3)",
         [&] { return mg_engine_set_year_end(e, 13, 1, 1, 3); }, MG_ERR_ARGUMENT,
         arg("not a valid month and day")},
    });
    // None of them changed the engine: it still has the sample master and answers.
    std::size_t n = 0;
    BOOST_TEST(mg_association_count(e, &n) == MG_OK);
    BOOST_TEST(n > 1u);
    mg_association_info info = MG_ASSOCIATION_INFO_INIT;
    BOOST_TEST(mg_association_find(e, "13-shinjuku", MG_LANG_EN, &info) == MG_OK);
    // A NULL name is not an error: buffers are called "<buffer>" again.
    BOOST_TEST(mg_engine_set_buffer_name(e, nullptr) == MG_OK);
    BOOST_TEST(mg_engine_load_directory_buffer(e, "{", 1) == MG_ERR_LOAD);
    BOOST_TEST(std::string(mg_last_error()).find("<buffer>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(associations) {
    engine s;
    mg_engine* const e = s.e;
    std::size_t count = 0;
    BOOST_REQUIRE_EQUAL(mg_association_count(e, &count), MG_OK);
    mg_association_info info = MG_ASSOCIATION_INFO_INIT, v0 = MG_ASSOCIATION_INFO_INIT,
                        vnew = MG_ASSOCIATION_INFO_INIT;
    v0.version = 0;
    vnew.version = too_new;
    run_table({
        {"mg_association_count(NULL, &n)", [&] { return mg_association_count(nullptr, &count); },
         MG_ERR_ARGUMENT, arg("engine is NULL")},
        {"mg_association_count(e, NULL)", [&] { return mg_association_count(e, nullptr); },
         MG_ERR_ARGUMENT, arg("count is NULL")},
        {"mg_association_at(NULL, ...)",
         [&] { return mg_association_at(nullptr, 0, MG_LANG_JA, &info); }, MG_ERR_ARGUMENT,
         arg("engine is NULL")},
        {"mg_association_at(e, 0, JA, NULL)",
         [&] { return mg_association_at(e, 0, MG_LANG_JA, nullptr); }, MG_ERR_ARGUMENT,
         arg("out is NULL")},
        {"mg_association_at(e, 0, 2, &info)", [&] { return mg_association_at(e, 0, 2, &info); },
         MG_ERR_ARGUMENT, arg("lang")},
        {"mg_association_at(e, 0, -1, &info)", [&] { return mg_association_at(e, 0, -1, &info); },
         MG_ERR_ARGUMENT, arg("lang")},
        {"mg_association_at version 0", [&] { return mg_association_at(e, 0, MG_LANG_JA, &v0); },
         MG_ERR_VERSION, version("mg_association_info", 0)},
        {"mg_association_at version 99", [&] { return mg_association_at(e, 0, MG_LANG_JA, &vnew); },
         MG_ERR_VERSION, version("mg_association_info", too_new)},
        {"mg_association_at(e, count, ...)",
         [&] { return mg_association_at(e, count, MG_LANG_JA, &info); }, MG_ERR_ARGUMENT,
         arg("index out of range")},
        {"mg_association_at(e, SIZE_MAX, ...)",
         [&] { return mg_association_at(e, SIZE_MAX, MG_LANG_JA, &info); }, MG_ERR_ARGUMENT,
         arg("index out of range")},
        {"mg_association_find(NULL, ...)",
         [&] { return mg_association_find(nullptr, "00-jma", MG_LANG_JA, &info); }, MG_ERR_ARGUMENT,
         arg("engine is NULL")},
        {"mg_association_find(e, NULL, ...)",
         [&] { return mg_association_find(e, nullptr, MG_LANG_JA, &info); }, MG_ERR_ARGUMENT,
         arg("code is NULL")},
        {"mg_association_find(e, code, JA, NULL)",
         [&] { return mg_association_find(e, "13-shinjuku", MG_LANG_JA, nullptr); },
         MG_ERR_ARGUMENT, arg("out is NULL")},
        {"mg_association_find(e, code, 2, &info)",
         [&] { return mg_association_find(e, "13-shinjuku", 2, &info); }, MG_ERR_ARGUMENT,
         arg("lang")},
        {"mg_association_find version 0",
         [&] { return mg_association_find(e, "13-shinjuku", MG_LANG_JA, &v0); }, MG_ERR_VERSION,
         version("mg_association_info", 0)},
        {"mg_association_find version 99",
         [&] { return mg_association_find(e, "13-shinjuku", MG_LANG_JA, &vnew); }, MG_ERR_VERSION,
         version("mg_association_info", too_new)},
        {"mg_association_find(e, unknown)",
         [&] { return mg_association_find(e, "99-nowhere", MG_LANG_JA, &info); },
         MG_UNKNOWN_ASSOCIATION, "unknown_association: 99-nowhere"},
    });
    // The last index is in range.
    BOOST_TEST(mg_association_at(e, count - 1, MG_LANG_EN, &info) == MG_OK);
    BOOST_TEST(info.code != nullptr);
}

BOOST_AUTO_TEST_CASE(json_requests) {
    engine s;
    mg_engine* const e = s.e;
    const char req[] = "{}";
    char buf[16];
    std::size_t size = 0;
    run_table({
        {"mg_plan_json(e, req, 2, NULL)", [&] { return mg_plan_json(e, req, 2, nullptr); },
         MG_ERR_ARGUMENT, arg("response is NULL")},
        {"mg_plan_json_to(e, req, 2, buf, 16, NULL)",
         [&] { return mg_plan_json_to(e, req, 2, buf, sizeof buf, nullptr); }, MG_ERR_ARGUMENT,
         arg("size is NULL")},
        {"mg_plan_json_to(e, req, 2, NULL, 16, &size)",
         [&] { return mg_plan_json_to(e, req, 2, nullptr, sizeof buf, &size); }, MG_ERR_ARGUMENT,
         arg("out is NULL")},
        {"mg_plan_json_to(e, req, 2, buf, 16, &size): too small",
         [&] { return mg_plan_json_to(e, req, 2, buf, sizeof buf, &size); }, MG_ERR_BUFFER,
         "buffer too small: the response needs"},
        {"mg_batch_json(e, req, 2, NULL)", [&] { return mg_batch_json(e, req, 2, nullptr); },
         MG_ERR_ARGUMENT, arg("out is NULL")},
        {"mg_batch_json(NULL, req, 2, &out)",
         [&] { return json_out([&](char** o) { return mg_batch_json(nullptr, req, 2, o); }); },
         MG_ERR_ARGUMENT, arg("engine is NULL")},
        {"mg_batch_json(e, NULL, 2, &out)",
         [&] { return json_out([&](char** o) { return mg_batch_json(e, nullptr, 2, o); }); },
         MG_ERR_ARGUMENT, arg("input is NULL")},
    });
    BOOST_TEST(size > sizeof buf); // the size the response needs, reported
    // A NULL engine or request is refused with a response of the contract nonetheless.
    for (const bool no_engine : {true, false}) {
        BOOST_TEST_CONTEXT("no engine: " << no_engine) {
            char* r = nullptr;
            const int rc =
                no_engine ? mg_plan_json(nullptr, req, 2, &r) : mg_plan_json(e, nullptr, 2, &r);
            BOOST_TEST(rc == MG_ERR_ARGUMENT);
            BOOST_REQUIRE(r != nullptr);
            const std::string answer = r;
            mg_free(r);
            BOOST_TEST(answer.find("\"invalid_request\"") != std::string::npos);
            BOOST_TEST(answer.find(no_engine ? "\"engine\"" : "\"request\"") != std::string::npos);
            BOOST_TEST(std::string(mg_last_error()) ==
                       arg(no_engine ? "engine is NULL" : "request is NULL"));
            char to[4096];
            size = 0;
            const int rc_to = no_engine ? mg_plan_json_to(nullptr, req, 2, to, sizeof to, &size)
                                        : mg_plan_json_to(e, nullptr, 2, to, sizeof to, &size);
            BOOST_TEST(rc_to == MG_ERR_ARGUMENT);
            BOOST_TEST(std::string(to, size) == answer);
        }
    }
    // Empty input with a NULL pointer is no input: an empty batch, an empty request refused.
    char* out = nullptr;
    BOOST_TEST(mg_batch_json(e, nullptr, 0, &out) == MG_OK);
    BOOST_REQUIRE(out != nullptr);
    BOOST_TEST(std::string(out).empty());
    mg_free(out);
    size = 0;
    BOOST_TEST(mg_plan_json_to(e, nullptr, 0, nullptr, 0, &size) == MG_ERR_BUFFER);
    BOOST_TEST(size > 0u);
}

BOOST_AUTO_TEST_CASE(typed_plans) {
    engine s;
    mg_engine* const e = s.e;
    mg_member m = MG_MEMBER_INIT;
    m.mypage = MG_MYPAGE_YES;
    mg_request r = MG_REQUEST_INIT;
    r.operation = MG_OP_JOIN;
    r.levels = MG_LEVELS_ALL;
    r.municipal = "13-shinjuku";
    mg_result out = MG_RESULT_INIT;
    // Copies of the good arguments, each with one thing wrong.
    auto member = [&](auto change) {
        mg_member x = m;
        change(x);
        return x;
    };
    auto request = [&](auto change) {
        mg_request x = r;
        change(x);
        return x;
    };
    const mg_request r_v0 = request([](mg_request& x) { x.version = 0; });
    const mg_request r_vnew = request([](mg_request& x) { x.version = too_new; });
    const mg_request r_op_low = request([](mg_request& x) { x.operation = MG_OP_JOIN - 1; });
    const mg_request r_op_high = request([](mg_request& x) { x.operation = MG_OP_WITHDRAW + 1; });
    const mg_request r_levels = request([](mg_request& x) { x.levels = 8; });
    const mg_member m_v0 = member([](mg_member& x) { x.version = 0; });
    const mg_member m_vnew = member([](mg_member& x) { x.version = too_new; });
    const mg_member m_page_low = member([](mg_member& x) { x.mypage = MG_MYPAGE_YES - 1; });
    const mg_member m_page_high = member([](mg_member& x) { x.mypage = MG_MYPAGE_UNKNOWN + 1; });
    const mg_member m_levels = member([](mg_member& x) { x.levels = 8; });
    mg_result out_v0 = MG_RESULT_INIT, out_vnew = MG_RESULT_INIT;
    out_v0.version = 0;
    out_vnew.version = too_new;
    const char* const cats[3] = {nullptr, nullptr, nullptr};
    const std::string member_range = arg("member.mypage or member.levels out of range");
    const std::string request_range = arg("request.operation or request.levels out of range");
    run_table({
        {"mg_plan(e, &m, NULL, ...)", [&] { return mg_plan(e, &m, nullptr, MG_LANG_JA, &out); },
         MG_ERR_ARGUMENT, arg("request is NULL")},
        {"mg_plan request version 0", [&] { return mg_plan(e, &m, &r_v0, MG_LANG_JA, &out); },
         MG_ERR_VERSION, version("mg_request", 0)},
        {"mg_plan request version 99", [&] { return mg_plan(e, &m, &r_vnew, MG_LANG_JA, &out); },
         MG_ERR_VERSION, version("mg_request", too_new)},
        {"mg_plan operation -1", [&] { return mg_plan(e, &m, &r_op_low, MG_LANG_JA, &out); },
         MG_ERR_ARGUMENT, request_range},
        {"mg_plan operation 6", [&] { return mg_plan(e, &m, &r_op_high, MG_LANG_JA, &out); },
         MG_ERR_ARGUMENT, request_range},
        {"mg_plan request levels 8", [&] { return mg_plan(e, &m, &r_levels, MG_LANG_JA, &out); },
         MG_ERR_ARGUMENT, request_range},
        {"mg_plan(NULL, ...)", [&] { return mg_plan(nullptr, &m, &r, MG_LANG_JA, &out); },
         MG_ERR_ARGUMENT, arg("engine is NULL")},
        {"mg_plan(e, NULL, ...)", [&] { return mg_plan(e, nullptr, &r, MG_LANG_JA, &out); },
         MG_ERR_ARGUMENT, arg("member is NULL")},
        {"mg_plan(..., NULL)", [&] { return mg_plan(e, &m, &r, MG_LANG_JA, nullptr); },
         MG_ERR_ARGUMENT, arg("out is NULL")},
        {"mg_plan member version 0", [&] { return mg_plan(e, &m_v0, &r, MG_LANG_JA, &out); },
         MG_ERR_VERSION, version("mg_member", 0)},
        {"mg_plan member version 99", [&] { return mg_plan(e, &m_vnew, &r, MG_LANG_JA, &out); },
         MG_ERR_VERSION, version("mg_member", too_new)},
        {"mg_plan result version 0", [&] { return mg_plan(e, &m, &r, MG_LANG_JA, &out_v0); },
         MG_ERR_VERSION, version("mg_result", 0)},
        {"mg_plan result version 99", [&] { return mg_plan(e, &m, &r, MG_LANG_JA, &out_vnew); },
         MG_ERR_VERSION, version("mg_result", too_new)},
        {"mg_plan lang 2", [&] { return mg_plan(e, &m, &r, 2, &out); }, MG_ERR_ARGUMENT,
         arg("lang")},
        {"mg_plan lang -1", [&] { return mg_plan(e, &m, &r, -1, &out); }, MG_ERR_ARGUMENT,
         arg("lang")},
        {"mg_plan member.mypage -1", [&] { return mg_plan(e, &m_page_low, &r, MG_LANG_JA, &out); },
         MG_ERR_ARGUMENT, member_range},
        {"mg_plan member.mypage 3", [&] { return mg_plan(e, &m_page_high, &r, MG_LANG_JA, &out); },
         MG_ERR_ARGUMENT, member_range},
        {"mg_plan member.levels 8", [&] { return mg_plan(e, &m_levels, &r, MG_LANG_JA, &out); },
         MG_ERR_ARGUMENT, member_range},
        {"mg_join levels 8",
         [&] { return mg_join(e, &m, "13-shinjuku", 8, cats, 0, MG_LANG_JA, &out); },
         MG_ERR_ARGUMENT, arg("levels")},
        {"mg_join(NULL, ...)",
         [&] { return mg_join(nullptr, &m, "13-shinjuku", 7, cats, 0, MG_LANG_JA, &out); },
         MG_ERR_ARGUMENT, arg("engine is NULL")},
        {"mg_additional_join levels 8",
         [&] { return mg_additional_join(e, &m, 8, cats, 0, MG_LANG_JA, &out); }, MG_ERR_ARGUMENT,
         arg("levels")},
        {"mg_additional_join(e, NULL, ...)",
         [&] { return mg_additional_join(e, nullptr, 2, cats, 0, MG_LANG_JA, &out); },
         MG_ERR_ARGUMENT, arg("member is NULL")},
        {"mg_change_category(..., NULL)",
         [&] { return mg_change_category(e, &m, cats, 0, MG_LANG_JA, nullptr); }, MG_ERR_ARGUMENT,
         arg("out is NULL")},
        {"mg_change_facility lang 2", [&] { return mg_change_facility(e, &m, "x", 0, 2, &out); },
         MG_ERR_ARGUMENT, arg("lang")},
        {"mg_transfer member.levels 8",
         [&] {
             return mg_transfer(e, &m_levels, "13-chiyoda", cats, nullptr, 0, MG_LANG_JA, &out);
         },
         MG_ERR_ARGUMENT, member_range},
        {"mg_withdraw levels 8", [&] { return mg_withdraw(e, &m, 8, 0, 0, MG_LANG_JA, &out); },
         MG_ERR_ARGUMENT, arg("levels")},
        {"mg_withdraw result version 0",
         [&] { return mg_withdraw(e, &m, 1, 0, 0, MG_LANG_JA, &out_v0); }, MG_ERR_VERSION,
         version("mg_result", 0)},
        {"mg_check_levels held 8", [] { return mg_check_levels(8, MG_OP_JOIN, 7, 0); },
         MG_ERR_ARGUMENT, arg("held, operation or levels out of range")},
        {"mg_check_levels levels 8", [] { return mg_check_levels(0, MG_OP_JOIN, 8, 0); },
         MG_ERR_ARGUMENT, arg("held, operation or levels out of range")},
        {"mg_check_levels operation -1", [] { return mg_check_levels(0, MG_OP_JOIN - 1, 7, 0); },
         MG_ERR_ARGUMENT, arg("held, operation or levels out of range")},
        {"mg_check_levels operation 6", [] { return mg_check_levels(0, MG_OP_WITHDRAW + 1, 7, 0); },
         MG_ERR_ARGUMENT, arg("held, operation or levels out of range")},
    });
    // The same call with nothing wrong answers: a plan or a refusal of the rules, no error.
    BOOST_TEST(mg_plan(e, &m, &r, MG_LANG_JA, &out) >= MG_OK);
    BOOST_TEST(out.status >= MG_OK);
    BOOST_TEST(mg_check_levels(0, MG_OP_JOIN, 7, 0) == MG_OK);
}

BOOST_AUTO_TEST_CASE(steps_and_categories) {
    mg_prerequisite_info pre = MG_PREREQUISITE_INFO_INIT, pre_v0 = MG_PREREQUISITE_INFO_INIT;
    pre_v0.version = 0;
    std::size_t count = 0;
    const char* code = nullptr;
    run_table({
        {"mg_mypage_step(YES, JA, NULL, &n)",
         [&] { return mg_mypage_step(MG_MYPAGE_YES, MG_LANG_JA, nullptr, &count); },
         MG_ERR_ARGUMENT, arg("out is NULL")},
        {"mg_mypage_step(YES, JA, &pre, NULL)",
         [&] { return mg_mypage_step(MG_MYPAGE_YES, MG_LANG_JA, &pre, nullptr); }, MG_ERR_ARGUMENT,
         arg("count is NULL")},
        {"mg_mypage_step lang 2", [&] { return mg_mypage_step(MG_MYPAGE_YES, 2, &pre, &count); },
         MG_ERR_ARGUMENT, arg("lang")},
        {"mg_mypage_step mypage -1",
         [&] { return mg_mypage_step(MG_MYPAGE_YES - 1, MG_LANG_JA, &pre, &count); },
         MG_ERR_ARGUMENT, arg("mypage")},
        {"mg_mypage_step mypage 3",
         [&] { return mg_mypage_step(MG_MYPAGE_UNKNOWN + 1, MG_LANG_JA, &pre, &count); },
         MG_ERR_ARGUMENT, arg("mypage")},
        {"mg_mypage_step version 0",
         [&] { return mg_mypage_step(MG_MYPAGE_NO, MG_LANG_JA, &pre_v0, &count); }, MG_ERR_VERSION,
         version("mg_prerequisite_info", 0)},
        {"mg_recommend_category code NULL",
         [&] { return mg_recommend_category(MG_ROLE_OTHER, 0, MG_LANG_JA, nullptr, nullptr); },
         MG_ERR_ARGUMENT, arg("code is NULL")},
        {"mg_recommend_category lang 2",
         [&] { return mg_recommend_category(MG_ROLE_OTHER, 0, 2, &code, nullptr); },
         MG_ERR_ARGUMENT, arg("lang")},
        {"mg_recommend_category role -1",
         [&] {
             return mg_recommend_category(MG_ROLE_FOUNDER_MANAGER - 1, 0, MG_LANG_JA, &code,
                                          nullptr);
         },
         MG_ERR_ARGUMENT, arg("role")},
        {"mg_recommend_category role 3",
         [&] { return mg_recommend_category(MG_ROLE_OTHER + 1, 0, MG_LANG_JA, &code, nullptr); },
         MG_ERR_ARGUMENT, arg("role")},
    });
    // A role with no category: label may be NULL, and both are set to NULL when given.
    for (int role : {MG_ROLE_FOUNDER_MANAGER, MG_ROLE_RESIDENT, MG_ROLE_OTHER}) {
        for (int opt_out : {0, 1}) {
            BOOST_TEST_CONTEXT("role " << role << " opt_out " << opt_out) {
                const char *with_label = "x", *label = "x", *without_label = "x";
                const int a = mg_recommend_category(role, opt_out, MG_LANG_EN, &with_label, &label);
                const int b =
                    mg_recommend_category(role, opt_out, MG_LANG_EN, &without_label, nullptr);
                BOOST_TEST(a == b);
                BOOST_TEST((a == MG_OK || a == MG_NO_CATEGORY));
                if (a == MG_OK) {
                    BOOST_TEST(std::string(with_label) == without_label);
                    BOOST_TEST(label != nullptr);
                } else {
                    BOOST_TEST(with_label == nullptr);
                    BOOST_TEST(label == nullptr);
                    BOOST_TEST(without_label == nullptr);
                    BOOST_TEST(std::string(mg_last_error()).rfind("no_category: ", 0) == 0);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(json_answers) {
    engine s;
    mg_engine* const e = s.e;
    // Each function with a char** output: NULL output, then each other argument wrong.
    auto call = [](auto f) { return [f] { return json_out(f); }; };
    run_table({
        {"mg_guide_json(JA, NULL)", [] { return mg_guide_json(MG_LANG_JA, nullptr); },
         MG_ERR_ARGUMENT, arg("out is NULL")},
        {"mg_guide_json(2, &out)", call([](char** o) { return mg_guide_json(2, o); }),
         MG_ERR_ARGUMENT, arg("lang")},
        {"mg_web_texts_json(JA, NULL)", [] { return mg_web_texts_json(MG_LANG_JA, nullptr); },
         MG_ERR_ARGUMENT, arg("out is NULL")},
        {"mg_web_texts_json(-1, &out)", call([](char** o) { return mg_web_texts_json(-1, o); }),
         MG_ERR_ARGUMENT, arg("lang")},
        {"mg_guide_categories_json(..., NULL)",
         [&] {
             return mg_guide_categories_json(e, "join", nullptr, 0, nullptr, 0, MG_LANG_JA,
                                             nullptr);
         },
         MG_ERR_ARGUMENT, arg("out is NULL")},
        {"mg_guide_categories_json(NULL, ...)", call([](char** o) {
             return mg_guide_categories_json(nullptr, "join", nullptr, 0, nullptr, 0, MG_LANG_JA,
                                             o);
         }),
         MG_ERR_ARGUMENT, arg("engine is NULL")},
        {"mg_guide_categories_json(e, NULL, ...)", call([&](char** o) {
             return mg_guide_categories_json(e, nullptr, nullptr, 0, nullptr, 0, MG_LANG_JA, o);
         }),
         MG_ERR_ARGUMENT, arg("leaf is NULL")},
        {"mg_guide_categories_json member_levels 8", call([&](char** o) {
             return mg_guide_categories_json(e, "join", nullptr, 8, nullptr, 0, MG_LANG_JA, o);
         }),
         MG_ERR_ARGUMENT, arg("levels out of range")},
        {"mg_guide_categories_json levels 8", call([&](char** o) {
             return mg_guide_categories_json(e, "join", nullptr, 0, nullptr, 8, MG_LANG_JA, o);
         }),
         MG_ERR_ARGUMENT, arg("levels out of range")},
        {"mg_guide_categories_json lang 2", call([&](char** o) {
             return mg_guide_categories_json(e, "join", nullptr, 0, nullptr, 0, 2, o);
         }),
         MG_ERR_ARGUMENT, arg("lang")},
        {"mg_directory_dot(e, JA, NULL)", [&] { return mg_directory_dot(e, MG_LANG_JA, nullptr); },
         MG_ERR_ARGUMENT, arg("out is NULL")},
        {"mg_directory_dot(NULL, JA, &out)",
         call([](char** o) { return mg_directory_dot(nullptr, MG_LANG_JA, o); }), MG_ERR_ARGUMENT,
         arg("engine is NULL")},
        {"mg_directory_dot(e, 2, &out)", call([&](char** o) { return mg_directory_dot(e, 2, o); }),
         MG_ERR_ARGUMENT, arg("lang")},
        {"mg_transitions_dot(JA, NULL)", [] { return mg_transitions_dot(MG_LANG_JA, nullptr); },
         MG_ERR_ARGUMENT, arg("out is NULL")},
        {"mg_transitions_dot(2, &out)", call([](char** o) { return mg_transitions_dot(2, o); }),
         MG_ERR_ARGUMENT, arg("lang")},
        {"mg_directory_json(..., NULL)",
         [&] { return mg_directory_json(e, nullptr, nullptr, nullptr, MG_LANG_JA, nullptr); },
         MG_ERR_ARGUMENT, arg("out is NULL")},
        {"mg_directory_json(NULL, ...)", call([](char** o) {
             return mg_directory_json(nullptr, nullptr, nullptr, nullptr, MG_LANG_JA, o);
         }),
         MG_ERR_ARGUMENT, arg("engine is NULL")},
        {"mg_directory_json lang 2",
         call([&](char** o) { return mg_directory_json(e, nullptr, nullptr, nullptr, 2, o); }),
         MG_ERR_ARGUMENT, arg("lang")},
        {"mg_directory_json prefecture 48", call([&](char** o) {
             return mg_directory_json(e, nullptr, "48", nullptr, MG_LANG_JA, o);
         }),
         MG_ERR_ARGUMENT, arg("prefecture: not a JIS code 1-47 or a prefecture's name")},
        {"mg_association_json(..., NULL)",
         [&] { return mg_association_json(e, "13-shinjuku", MG_LANG_JA, nullptr); },
         MG_ERR_ARGUMENT, arg("out is NULL")},
        {"mg_association_json(NULL, ...)",
         call([](char** o) { return mg_association_json(nullptr, "13-shinjuku", MG_LANG_JA, o); }),
         MG_ERR_ARGUMENT, arg("engine is NULL")},
        {"mg_association_json(e, NULL, ...)",
         call([&](char** o) { return mg_association_json(e, nullptr, MG_LANG_JA, o); }),
         MG_ERR_ARGUMENT, arg("code is NULL")},
        {"mg_association_json lang 2",
         call([&](char** o) { return mg_association_json(e, "13-shinjuku", 2, o); }),
         MG_ERR_ARGUMENT, arg("lang")},
        {"mg_association_json unknown",
         call([&](char** o) { return mg_association_json(e, "99-nowhere", MG_LANG_JA, o); }),
         MG_UNKNOWN_ASSOCIATION, "unknown association: 99-nowhere"},
        {"mg_support_json(..., NULL)", [&] { return mg_support_json(e, 0, MG_LANG_JA, nullptr); },
         MG_ERR_ARGUMENT, arg("out is NULL")},
        {"mg_support_json lang 2",
         call([&](char** o) { return mg_support_json(e, 1800000000, 2, o); }), MG_ERR_ARGUMENT,
         arg("lang")},
        {"mg_holidays_json(2027, JA, NULL)",
         [] { return mg_holidays_json(2027, MG_LANG_JA, nullptr); }, MG_ERR_ARGUMENT,
         arg("out is NULL")},
        {"mg_holidays_json(2027, 2, &out)",
         call([](char** o) { return mg_holidays_json(2027, 2, o); }), MG_ERR_ARGUMENT, arg("lang")},
        {"mg_mypage_step_json(YES, JA, NULL)",
         [] { return mg_mypage_step_json(MG_MYPAGE_YES, MG_LANG_JA, nullptr); }, MG_ERR_ARGUMENT,
         arg("out is NULL")},
        {"mg_mypage_step_json(YES, 2, &out)",
         call([](char** o) { return mg_mypage_step_json(MG_MYPAGE_YES, 2, o); }), MG_ERR_ARGUMENT,
         arg("lang")},
        {"mg_mypage_step_json(-1, JA, &out)",
         call([](char** o) { return mg_mypage_step_json(MG_MYPAGE_YES - 1, MG_LANG_JA, o); }),
         MG_ERR_ARGUMENT, arg("mypage")},
        {"mg_mypage_step_json(3, JA, &out)",
         call([](char** o) { return mg_mypage_step_json(MG_MYPAGE_UNKNOWN + 1, MG_LANG_JA, o); }),
         MG_ERR_ARGUMENT, arg("mypage")},
        {"mg_last_load_error_json(JA, NULL)",
         [] { return mg_last_load_error_json(MG_LANG_JA, nullptr); }, MG_ERR_ARGUMENT,
         arg("out is NULL")},
        {"mg_last_load_error_json(2, &out)",
         call([](char** o) { return mg_last_load_error_json(2, o); }), MG_ERR_ARGUMENT,
         arg("lang")},
    });
    // An empty prefecture is no filter.
    char* out = nullptr;
    BOOST_TEST(mg_directory_json(e, nullptr, "", nullptr, MG_LANG_JA, &out) == MG_OK);
    BOOST_REQUIRE(out != nullptr);
    mg_free(out);
    // On a thread where no load has failed, and on one where it has.
    std::thread([] {
        run_table({{"mg_last_load_error_json on a new thread",
                    [] {
                        return json_out(
                            [](char** o) { return mg_last_load_error_json(MG_LANG_JA, o); });
                    },
                    MG_ERR_ARGUMENT, arg("no load has failed on this thread")}});
        // A call that fails for another reason first: the thread has an error state, no load.
        BOOST_TEST(mg_guide_json(2, nullptr) == MG_ERR_ARGUMENT);
        char* o = nullptr;
        BOOST_TEST(mg_last_load_error_json(MG_LANG_JA, &o) == MG_ERR_ARGUMENT);
        BOOST_TEST(o == nullptr);
    }).join();
}

BOOST_AUTO_TEST_CASE(support_and_dates) {
    engine s;
    mg_engine* const e = s.e;
    mg_support_contact contact = MG_SUPPORT_CONTACT_INIT, contact_v0 = MG_SUPPORT_CONTACT_INIT;
    contact_v0.version = 0;
    mg_support_info info = MG_SUPPORT_INFO_INIT, info_vnew = MG_SUPPORT_INFO_INIT;
    info_vnew.version = too_new;
    std::int64_t t = 0;
    std::size_t count = 0;
    mg_holiday_info days[24];
    for (mg_holiday_info& d : days) d = MG_HOLIDAY_INFO_INIT;
    mg_holiday_info days_v0[24];
    for (mg_holiday_info& d : days_v0) d = MG_HOLIDAY_INFO_INIT;
    days_v0[0].version = 0;
    const std::int64_t y2100 = 4102444800; // 2100-01-01T00:00:00Z
    run_table({
        {"mg_support_contact_info(JA, NULL)",
         [] { return mg_support_contact_info(MG_LANG_JA, nullptr); }, MG_ERR_ARGUMENT,
         arg("out is NULL")},
        {"mg_support_contact_info(2, &c)", [&] { return mg_support_contact_info(2, &contact); },
         MG_ERR_ARGUMENT, arg("lang")},
        {"mg_support_contact_info version 0",
         [&] { return mg_support_contact_info(MG_LANG_JA, &contact_v0); }, MG_ERR_VERSION,
         version("mg_support_contact", 0)},
        {"mg_support_status(e, t, JA, NULL)",
         [&] { return mg_support_status(e, 1800000000, MG_LANG_JA, nullptr); }, MG_ERR_ARGUMENT,
         arg("out is NULL")},
        {"mg_support_status lang 2", [&] { return mg_support_status(e, 1800000000, 2, &info); },
         MG_ERR_ARGUMENT, arg("lang")},
        {"mg_support_status version 99",
         [&] { return mg_support_status(e, 1800000000, MG_LANG_JA, &info_vnew); }, MG_ERR_VERSION,
         version("mg_support_info", too_new)},
        {"mg_support_status 2100", [&] { return mg_support_status(e, y2100, MG_LANG_JA, &info); },
         MG_ERR_RANGE, ""},
        {"mg_support_json 2100",
         [&] {
             return json_out([&](char** o) { return mg_support_json(e, y2100, MG_LANG_JA, o); });
         },
         MG_ERR_RANGE, ""},
        {"mg_parse_instant(NULL, &t)", [&] { return mg_parse_instant(nullptr, &t); },
         MG_ERR_ARGUMENT, arg("text is NULL")},
        {"mg_parse_instant(text, NULL)",
         [] { return mg_parse_instant("2027-01-04T09:00:00+09:00", nullptr); }, MG_ERR_ARGUMENT,
         arg("out is NULL")},
        {"mg_parse_instant(no offset)", [&] { return mg_parse_instant("2027-01-04T09:00", &t); },
         MG_ERR_PARSE, ""},
        {"mg_holidays(2027, JA, days, 24, NULL)",
         [&] { return mg_holidays(2027, MG_LANG_JA, days, 24, nullptr); }, MG_ERR_ARGUMENT,
         arg("count is NULL")},
        {"mg_holidays(2027, 2, ...)", [&] { return mg_holidays(2027, 2, days, 24, &count); },
         MG_ERR_ARGUMENT, arg("lang")},
        {"mg_holidays version 0",
         [&] { return mg_holidays(2027, MG_LANG_JA, days_v0, 24, &count); }, MG_ERR_VERSION,
         version("mg_holiday_info", 0)},
        {"mg_holidays(1999, ...)", [&] { return mg_holidays(1999, MG_LANG_JA, days, 24, &count); },
         MG_ERR_RANGE, ""},
        {"mg_holidays(2100, ...)", [&] { return mg_holidays(2100, MG_LANG_JA, days, 24, &count); },
         MG_ERR_RANGE, ""},
        {"mg_holidays(2027, JA, NULL, 0, &n)",
         [&] { return mg_holidays(2027, MG_LANG_JA, nullptr, 0, &count); }, MG_ERR_BUFFER,
         "buffer too small: "},
        {"mg_holidays(2027, JA, days, 3, &n)",
         [&] { return mg_holidays(2027, MG_LANG_JA, days, 3, &count); }, MG_ERR_BUFFER,
         "buffer too small: "},
        {"mg_holidays_json(1999, ...)",
         [] { return json_out([](char** o) { return mg_holidays_json(1999, MG_LANG_JA, o); }); },
         MG_ERR_RANGE, ""},
    });
    // The size a too-small buffer reports is the year's count; a version-0 array given no room
    // is not read (NULL, 0 asks for the count only).
    BOOST_TEST(mg_holidays(2027, MG_LANG_JA, days_v0, 0, &count) == MG_ERR_BUFFER);
    const std::size_t needed = count;
    BOOST_TEST(needed > 3u);
    BOOST_TEST(mg_holidays(2027, MG_LANG_JA, days, needed, &count) == MG_OK);
    BOOST_TEST(count == needed);
    // The range errors name the range; the messages are not empty.
    BOOST_TEST(mg_support_status(nullptr, y2100, MG_LANG_JA, &info) == MG_ERR_RANGE);
    BOOST_TEST(std::string(mg_last_error()).size() > 0u);
    // No engine: the default desk.
    BOOST_TEST(mg_support_status(nullptr, 1800000000, MG_LANG_JA, &info) == MG_OK);
    char* out = nullptr;
    BOOST_TEST(mg_support_json(nullptr, 1800000000, MG_LANG_EN, &out) == MG_OK);
    BOOST_REQUIRE(out != nullptr);
    mg_free(out);
}

BOOST_AUTO_TEST_CASE(names_of_unknown_codes) {
    // Every *_name function answers NULL just outside its range, and a name at each end of it.
    struct namer {
        const char* name;
        const char* (*f)(int);
        int first, last;
    };
    const namer namers[] = {
        {"mg_operation_name", mg_operation_name, MG_OP_JOIN, MG_OP_WITHDRAW},
        {"mg_mypage_name", mg_mypage_name, MG_MYPAGE_YES, MG_MYPAGE_UNKNOWN},
        {"mg_lang_name", mg_lang_name, MG_LANG_JA, MG_LANG_EN},
        {"mg_form_name", mg_form_name, MG_FORM_ADMISSION, MG_FORM_WITHDRAWAL},
        {"mg_selection_name", mg_selection_name, MG_SELECTION_NEW,
         MG_SELECTION_ASSOCIATION_TRANSFER},
        {"mg_actor_name", mg_actor_name, MG_ACTOR_MEMBER, MG_ACTOR_SECRETARIAT},
        {"mg_prerequisite_name", mg_prerequisite_name, MG_PREREQ_USER_REGISTRATION,
         MG_PREREQ_MYPAGE_CHECK},
        {"mg_note_name", mg_note_name, MG_NOTE_CASCADE_APPLIED, MG_NOTE_CATEGORY_IGNORED},
        {"mg_role_name", mg_role_name, MG_ROLE_FOUNDER_MANAGER, MG_ROLE_OTHER},
        {"mg_desk_reason_name", mg_desk_reason_name, MG_DESK_OPEN, MG_DESK_YEAR_END},
    };
    for (const namer& n : namers) {
        BOOST_TEST_CONTEXT(n.name) {
            BOOST_TEST(n.f(n.first - 1) == nullptr);
            BOOST_TEST(n.f(n.last + 1) == nullptr);
            BOOST_TEST(n.f(-1000000) == nullptr);
            BOOST_TEST(n.f(1000000) == nullptr);
            BOOST_REQUIRE(n.f(n.first) != nullptr);
            BOOST_REQUIRE(n.f(n.last) != nullptr);
            BOOST_TEST(std::string(n.f(n.first)) != n.f(n.last));
        }
    }
    BOOST_TEST(mg_selection_name(MG_SELECTION_NONE) == nullptr); // the withdrawal form's
    for (unsigned bit : {0u, 3u, 5u, 6u, 7u, 8u, 0x80000000u})
        BOOST_TEST_CONTEXT("level bit " << bit) {
            BOOST_TEST(mg_level_name(bit) == nullptr);
        }
    BOOST_TEST(std::string(mg_level_name(MG_LEVEL_MUNICIPAL)) == "municipal");
    BOOST_TEST(std::string(mg_level_name(MG_LEVEL_PREFECTURAL)) == "prefectural");
    BOOST_TEST(std::string(mg_level_name(MG_LEVEL_NATIONAL)) == "national");

    // mg_status_name: every status has its own name; anything else is "unknown_status".
    const std::pair<int, const char*> statuses[] = {
        {MG_OK, "ok"},
        {MG_INVALID_REQUEST, "invalid_request"},
        {MG_NO_CATEGORY, "no_category"},
        {MG_ERR_ARGUMENT, "argument_error"},
        {MG_ERR_IO, "io_error"},
        {MG_ERR_LOAD, "load_error"},
        {MG_ERR_NOMEM, "out_of_memory"},
        {MG_ERR_RANGE, "out_of_range"},
        {MG_ERR_PARSE, "parse_error"},
        {MG_ERR_BUFFER, "buffer_too_small"},
        {MG_ERR_INTERNAL, "internal_error"},
        {MG_ERR_VERSION, "version_error"},
    };
    for (const auto& [status, name] : statuses) BOOST_TEST_CONTEXT("status " << status) {
            BOOST_TEST(std::string(mg_status_name(status)) == name);
        }
    for (int status : {MG_NO_CATEGORY + 1, MG_ERR_VERSION - 1, -1000, 1000})
        BOOST_TEST_CONTEXT("status " << status) {
            BOOST_TEST(std::string(mg_status_name(status)) == "unknown_status");
        }
}
