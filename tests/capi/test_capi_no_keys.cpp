// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide tests — a host that took every thread key but N before its first call into the
// library (issue 31: the C ABI's paths for keys that cannot be made). The library keeps its
// per-thread state in thread keys (capi/per_thread.hpp): three for the error state, made on the
// first call, and one for the request readers, made on the first JSON request read by the DOM
// reader or written into a thread's scratch block. A key that cannot be made is memory the
// process does not have: MG_ERR_NOMEM and "out of memory", never a crash; what needs no key
// still answers.
//
// Usage: test_capi_no_keys N   (N = 0, 1 or 2: the error state's keys cannot all be made;
//                               N = 3: they can, the readers' cannot)
#include "mamisguide.h"

#include <pthread.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

int failures = 0;

void check(bool ok, const char* what, const std::string& got = {}) {
    if (ok) return;
    ++failures;
    std::fprintf(stderr, "FAIL: %s (got: %s)\n", what, got.c_str());
}

std::string last_error() {
    return mg_last_error();
}

const char* const plan_request =
    R"({"member":{"mypage":"yes","municipal":"13-chiyoda","levels":["municipal"],)"
    R"("categories":{"municipal":"A"}},"request":{"operation":"additional_join",)"
    R"("levels":["prefectural"],"categories":{"prefectural":"A"}},"lang":"en"})";

/// The calls that need no key answer as always; one that fails can say only "out of memory".
void without_error_state() {
    mg_engine* e = reinterpret_cast<mg_engine*>(&failures); // not NULL: the call must clear it
    int st = mg_engine_new(&e);
    check(st == MG_ERR_NOMEM, "mg_engine_new: MG_ERR_NOMEM", mg_status_name(st));
    check(e == nullptr, "mg_engine_new: *out NULL");
    check(last_error() == "out of memory", "mg_last_error() after mg_engine_new", last_error());

    char* out = reinterpret_cast<char*>(&failures);
    st = mg_plan_json(nullptr, plan_request, std::strlen(plan_request), &out);
    check(st == MG_ERR_NOMEM, "mg_plan_json: MG_ERR_NOMEM", mg_status_name(st));
    check(out == nullptr, "mg_plan_json: *response NULL");

    // Unguarded functions: the argument error is returned; its text had nowhere to go.
    std::size_t count = 99;
    st = mg_association_count(nullptr, &count);
    check(st == MG_ERR_ARGUMENT, "mg_association_count(NULL): MG_ERR_ARGUMENT", mg_status_name(st));
    check(count == 99, "mg_association_count(NULL): count untouched");
    check(last_error() == "out of memory", "mg_last_error() after an argument error", last_error());

    // What needs no state answers as always.
    mg_prerequisite_info info = MG_PREREQUISITE_INFO_INIT;
    st = mg_mypage_step(MG_MYPAGE_NO, MG_LANG_EN, &info, &count);
    check(st == MG_OK, "mg_mypage_step: MG_OK", mg_status_name(st));
    check(count == 1 && info.kind == MG_PREREQ_USER_REGISTRATION,
          "mg_mypage_step(no): one step, user registration");
    check(mg_check_levels(1, MG_OP_ADDITIONAL_JOIN, 2, 0) == MG_OK,
          "mg_check_levels: adding the prefectural level to the municipal one");
    check(std::strcmp(mg_status_name(MG_ERR_NOMEM), "out_of_memory") == 0, "mg_status_name",
          mg_status_name(MG_ERR_NOMEM));
}

/// The error state is there; the readers' key is not: what reads or writes through a thread's
/// reader is out of memory, the rest answers.
void without_reader() {
    mg_engine* e = nullptr;
    int st = mg_engine_new(&e);
    check(st == MG_OK && e, "mg_engine_new: MG_OK", mg_status_name(st));
    if (!e) return;
    st = mg_engine_load_sample(e);
    check(st == MG_OK, "mg_engine_load_sample: MG_OK", mg_status_name(st));

    // A text with a syntax error goes to the DOM reader, which says where: a thread's reader.
    const std::string bad = R"({"request":{"operation":"join",}})";
    char* out = reinterpret_cast<char*>(&failures);
    st = mg_plan_json(e, bad.data(), bad.size(), &out);
    check(st == MG_ERR_NOMEM, "mg_plan_json(syntax error): MG_ERR_NOMEM", mg_status_name(st));
    check(out == nullptr, "mg_plan_json(syntax error): *response NULL");
    check(last_error() == "out of memory", "mg_last_error() after it", last_error());
    mg_free(out);

    // mg_plan_json_to writes into the thread's scratch block: the reader's too.
    char buffer[4096];
    std::size_t size = 99;
    st = mg_plan_json_to(e, plan_request, std::strlen(plan_request), buffer, sizeof buffer, &size);
    check(st == MG_ERR_NOMEM, "mg_plan_json_to: MG_ERR_NOMEM", mg_status_name(st));
    check(size == 0, "mg_plan_json_to: *size 0", std::to_string(size));

    // The typed door needs no reader: the same request planned, and a refusal's text.
    mg_member m = MG_MEMBER_INIT;
    m.mypage = MG_MYPAGE_YES;
    m.municipal = "13-chiyoda";
    m.levels = MG_LEVEL_MUNICIPAL;
    m.categories[MG_IDX_MUNICIPAL] = "A";
    mg_request r = MG_REQUEST_INIT;
    r.operation = MG_OP_ADDITIONAL_JOIN;
    r.levels = MG_LEVEL_PREFECTURAL;
    r.categories[MG_IDX_PREFECTURAL] = "A";
    mg_result res = MG_RESULT_INIT;
    st = mg_plan(e, &m, &r, MG_LANG_EN, &res);
    check(st == MG_OK && res.status == MG_OK && res.plan.n_checked == 1, "mg_plan: MG_OK",
          std::string(mg_status_name(st)) + ", " + std::to_string(res.status) + ", " +
              std::to_string(res.plan.n_checked));
    r.levels = MG_LEVEL_MUNICIPAL; // held already
    st = mg_plan(e, &m, &r, MG_LANG_EN, &res);
    check(st > 0 && res.status == st, "mg_plan(a level held): a refusal", mg_status_name(st));
    const std::string refused = last_error();
    check(refused.rfind(res.refusal.code_name, 0) == 0 &&
              refused.find(res.refusal.message) != std::string::npos,
          "mg_last_error() after a refusal: its code and message", refused);

    // Errors are written as always.
    std::int64_t t = 0;
    st = mg_parse_instant("not a time", &t);
    check(st == MG_ERR_PARSE, "mg_parse_instant: MG_ERR_PARSE", mg_status_name(st));
    check(!last_error().empty() && last_error() != "out of memory",
          "mg_last_error() after a parse error", last_error());
    mg_engine_free(e);
}

} // namespace

int main(int argc, char** argv) {
    const long left = argc == 2 ? std::strtol(argv[1], nullptr, 10) : -1;
    if (left < 0 || left > 3) {
        std::fprintf(stderr, "usage: %s 0|1|2|3\n", argv[0]);
        return 2;
    }
    // Every key the process can have, then N of them given back.
    std::vector<pthread_key_t> held;
    pthread_key_t key;
    while (pthread_key_create(&key, nullptr) == 0) held.push_back(key);
    if (held.size() < static_cast<std::size_t>(left)) return 2;
    for (long i = 0; i < left; ++i) {
        pthread_key_delete(held.back());
        held.pop_back();
    }
    if (left < 3)
        without_error_state();
    else
        without_reader();
    if (failures) return 1;
    std::printf("ok: %ld thread keys left\n", left);
    return 0;
}
