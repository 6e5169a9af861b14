/* SPDX-FileCopyrightText: 2026 The mamisguide authors */
/* SPDX-License-Identifier: Apache-2.0 */
/* The C ABI from plain C11 (-Wall -Wextra -pedantic -Werror): every function, its answers,
 * every function given NULL where a pointer is expected, and every versioned struct given a
 * version the library does not know. */
#include <mamisguide.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        ++checks;                                                                                  \
        if (!(cond)) {                                                                             \
            ++failures;                                                                            \
            fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, __LINE__,      \
                    #cond, mg_last_error());                                                       \
        }                                                                                          \
    } while (0)
#define CHECK_STR(a, b) CHECK((a) != NULL && strcmp((a), (b)) == 0)

static const char* master = "code,name,prefecture,name_en\n"
                            "13-test-a,テストA区医師会,13,Test A\n"
                            "13-test-b,テストB区医師会,13,Test B\n"
                            "27-test-kita,テスト北区医師会,27,\n";

static mg_member member_of(unsigned levels) {
    mg_member m = MG_MEMBER_INIT;
    m.mypage = MG_MYPAGE_YES;
    m.levels = levels;
    m.municipal = levels ? "13-chiyoda" : NULL;
    return m;
}

static void test_version(void) {
    char v[32];
    /* the header's macros and the library linked agree */
    snprintf(v, sizeof v, "%d.%d.%d", MG_VERSION_MAJOR, MG_VERSION_MINOR, MG_VERSION_PATCH);
    CHECK_STR(mg_version(), v);
    CHECK_STR(mg_version(), MG_VERSION_STRING);
    CHECK(mg_version_number() == MG_VERSION_NUMBER);
    CHECK(mg_version_number() ==
          MG_VERSION_MAJOR * 1000000 + MG_VERSION_MINOR * 1000 + MG_VERSION_PATCH);
    CHECK(MG_VERSION_MAJOR == 1); /* the 1.x ABI: libmamisguide.so.1 */
    CHECK_STR(mg_status_name(MG_OK), "ok");
    CHECK_STR(mg_status_name(MG_INVALID_REQUEST), "invalid_request");
    CHECK_STR(mg_status_name(MG_UNKNOWN_ASSOCIATION), "unknown_association");
    CHECK_STR(mg_status_name(MG_LEVEL_MISMATCH), "level_mismatch");
    CHECK_STR(mg_status_name(MG_INVALID_STATE), "invalid_state");
    CHECK_STR(mg_status_name(MG_NOT_A_MEMBER), "not_a_member");
    CHECK_STR(mg_status_name(MG_ALREADY_MEMBER), "already_member");
    CHECK_STR(mg_status_name(MG_LEVEL_NOT_HELD), "level_not_held");
    CHECK_STR(mg_status_name(MG_LEVEL_ALREADY_HELD), "level_already_held");
    CHECK_STR(mg_status_name(MG_ILLEGAL_LEVELS), "illegal_levels");
    CHECK_STR(mg_status_name(MG_SAME_ASSOCIATION), "same_association");
    CHECK_STR(mg_status_name(MG_CATEGORY_REQUIRED), "category_required");
    CHECK_STR(mg_status_name(MG_UNKNOWN_CATEGORY), "unknown_category");
    CHECK_STR(mg_status_name(MG_CATEGORY_UNCHANGED), "category_unchanged");
    CHECK_STR(mg_status_name(MG_NO_CATEGORY), "no_category");
    CHECK_STR(mg_status_name(MG_ERR_ARGUMENT), "argument_error");
    CHECK_STR(mg_status_name(MG_ERR_IO), "io_error");
    CHECK_STR(mg_status_name(MG_ERR_LOAD), "load_error");
    CHECK_STR(mg_status_name(MG_ERR_NOMEM), "out_of_memory");
    CHECK_STR(mg_status_name(MG_ERR_RANGE), "out_of_range");
    CHECK_STR(mg_status_name(MG_ERR_PARSE), "parse_error");
    CHECK_STR(mg_status_name(MG_ERR_BUFFER), "buffer_too_small");
    CHECK_STR(mg_status_name(MG_ERR_INTERNAL), "internal_error");
    CHECK_STR(mg_status_name(MG_ERR_VERSION), "version_error");
    CHECK_STR(mg_status_name(12345), "unknown_status");
    CHECK(mg_last_error() != NULL);
}

static void test_engine(mg_engine* e, const char* source_dir) {
    size_t n = 0;
    mg_association_info a = MG_ASSOCIATION_INFO_INIT;
    char path[1024];
    CHECK(mg_association_count(e, &n) == MG_OK && n == 48 + 3);
    CHECK(mg_association_at(e, 0, MG_LANG_JA, &a) == MG_OK);
    CHECK_STR(a.code, "00");
    CHECK_STR(a.name, "日本医師会");
    CHECK(a.parent_code == NULL && a.level == MG_LEVEL_NATIONAL);
    CHECK(mg_association_at(e, 13, MG_LANG_EN, &a) == MG_OK);
    CHECK_STR(a.name, "Tokyo Medical Association");
    CHECK(mg_association_at(e, n, MG_LANG_JA, &a) == MG_ERR_ARGUMENT);
    CHECK(mg_association_find(e, "13-test-a", MG_LANG_JA, &a) == MG_OK);
    CHECK_STR(a.name, "テストA区医師会");
    CHECK_STR(a.parent_code, "13");
    CHECK(a.level == MG_LEVEL_MUNICIPAL);
    CHECK(mg_association_find(e, "27-test-kita", MG_LANG_EN, &a) == MG_OK);
    CHECK_STR(a.name, "テスト北区医師会"); /* no English name: Japanese */
    CHECK(mg_association_find(e, "99-none", MG_LANG_JA, &a) == MG_UNKNOWN_ASSOCIATION);

    /* loading: all or nothing, with file, line and reason */
    CHECK(mg_engine_load_directory_buffer(e, "code,name,prefecture\nx,y,99\n", 27) == MG_ERR_LOAD);
    CHECK(strstr(mg_last_error(), ":2:") != NULL);
    CHECK(mg_association_count(e, &n) == MG_OK && n == 51);
    CHECK(mg_engine_load_directory(e, "/nonexistent/master.csv") == MG_ERR_IO);
    CHECK(strstr(mg_last_error(), "/nonexistent/master.csv") != NULL);
    snprintf(path, sizeof path, "%s/data/sample-municipal.csv", source_dir);
    CHECK(mg_engine_load_directory(e, path) == MG_OK);
    CHECK(mg_association_count(e, &n) == MG_OK && n > 51);
    CHECK(mg_engine_load_directory(e, path) == MG_ERR_LOAD); /* duplicates now */
    CHECK(strstr(mg_last_error(), "duplicate") != NULL);
    {
        const char* cats = "association,code,label\n13,A,A会員\n";
        const char* jma = "association,code,label\n00,X,x\n";
        CHECK(mg_engine_load_categories_buffer(e, cats, strlen(cats)) == MG_OK);
        CHECK(mg_engine_load_categories_buffer(e, jma, strlen(jma)) == MG_ERR_LOAD);
        CHECK(strstr(mg_last_error(), ":2:") != NULL);
    }
    CHECK(mg_engine_load_categories(e, "/nonexistent/cat.csv") == MG_ERR_IO);
    CHECK(mg_engine_set_year_end(e, 12, 28, 1, 4) == MG_OK);
    CHECK(mg_engine_set_year_end(e, 13, 1, 1, 4) == MG_ERR_ARGUMENT);
}

static void test_typed(const mg_engine* e) {
    mg_result r = MG_RESULT_INIT;
    mg_member none = member_of(0), m1 = member_of(1), m3 = member_of(7);
    const char* cats_all[3] = {"X", "A", "A1"};
    const char* cats_nat[3] = {NULL, NULL, "A2B"};
    const char* cats_add[3] = {NULL, NULL, NULL};
    size_t i;

    /* join up to JMA */
    CHECK(mg_join(e, &none, "13-chiyoda", MG_LEVELS_ALL, cats_all, 0, MG_LANG_JA, &r) == MG_OK);
    CHECK(r.status == MG_OK);
    CHECK(r.plan.form == MG_FORM_ADMISSION && r.plan.selection == MG_SELECTION_NEW);
    CHECK_STR(r.plan.form_label, "入会届");
    CHECK(r.plan.n_checked == 3);
    CHECK_STR(r.plan.checked[0].code, "13-chiyoda");
    CHECK_STR(r.plan.checked[1].name, "東京都医師会");
    CHECK_STR(r.plan.checked[2].code, "00");
    CHECK(r.plan.n_steps == 4);
    CHECK_STR(r.plan.steps[0], "マイページにログイン");
    CHECK_STR(r.plan.steps[1], "［入会届］をクリック");
    CHECK_STR(r.plan.manual, "MAMIS 操作マニュアル（入会届）");
    CHECK(r.plan.actor == MG_ACTOR_MEMBER);
    CHECK(r.plan.result.levels == MG_LEVELS_ALL);
    CHECK_STR(r.plan.result.municipal, "13-chiyoda");
    CHECK_STR(r.plan.result.prefectural, "13");
    CHECK_STR(r.plan.rule, "join.chain_from_municipal");
    CHECK(r.plan.n_categories == 3);
    CHECK_STR(r.plan.categories[2].label, "A①会員");
    CHECK(r.plan.categories[1].checked == 1); /* the catalogue loaded for 13 knows A */
    CHECK(r.plan.categories[0].checked == 0 && r.plan.categories[0].label == NULL);
    for (i = 0; i < r.plan.n_notes; ++i)
        if (r.plan.notes[i].kind == MG_NOTE_CATEGORY_UNCHECKED)
            CHECK_STR(r.plan.notes[i].association, "13-chiyoda");

    /* additional join, change category, change facility, transfer */
    CHECK(mg_additional_join(e, &m1, MG_LEVEL_PREFECTURAL | MG_LEVEL_NATIONAL, cats_all, 0,
                             MG_LANG_EN, &r) == MG_INVALID_REQUEST); /* no municipal category */
    CHECK_STR(r.refusal.field, "request.categories");
    CHECK(mg_additional_join(e, &m1, MG_LEVEL_PREFECTURAL | MG_LEVEL_NATIONAL, cats_nat, 0,
                             MG_LANG_EN, &r) == MG_CATEGORY_REQUIRED);
    cats_add[1] = "A";
    cats_add[2] = "A2C";
    CHECK(mg_additional_join(e, &m1, MG_LEVEL_PREFECTURAL | MG_LEVEL_NATIONAL, cats_add, 0,
                             MG_LANG_EN, &r) == MG_OK);
    CHECK(r.plan.selection == MG_SELECTION_ADDITIONAL && r.plan.n_checked == 2);
    CHECK_STR(r.plan.steps[0], "Log in to MyPage");
    m3.categories[2] = "A1";
    CHECK(mg_change_category(e, &m3, cats_nat, 0, MG_LANG_JA, &r) == MG_OK);
    CHECK(r.plan.selection == MG_SELECTION_CATEGORY_CHANGE);
    CHECK_STR(r.plan.result.categories[2], "A2B");
    CHECK(mg_change_facility(e, &m3, "開業", 1, MG_LANG_JA, &r) == MG_OK);
    CHECK(r.plan.actor == MG_ACTOR_SECRETARIAT);
    CHECK_STR(r.plan.manual, "MAMIS 操作マニュアル（医師会事務局による代理申請入力）");
    CHECK_STR(r.plan.reason, "開業");
    {
        const char* cats_move[3] = {"X", "Y", NULL};
        CHECK(mg_transfer(e, &m3, "27-test-kita", cats_move, "転勤", 0, MG_LANG_JA, &r) == MG_OK);
        CHECK(r.plan.n_checked == 2);
        CHECK_STR(r.plan.checked[1].code, "27");
        CHECK_STR(r.plan.result.prefectural, "27");
        CHECK_STR(r.plan.rule, "transfer.across_prefectures");
    }

    /* withdraw: the refusal with its suggestion, then the cascade */
    CHECK(mg_withdraw(e, &m3, MG_LEVEL_MUNICIPAL, 0, 0, MG_LANG_JA, &r) == MG_ILLEGAL_LEVELS);
    CHECK(r.refusal.code == MG_ILLEGAL_LEVELS);
    CHECK_STR(r.refusal.code_name, "illegal_levels");
    CHECK_STR(r.refusal.message,
              "郡市区医師会を退会する場合は、都道府県医師会と日本医師会も退会する必要があります。");
    CHECK(r.refusal.has_suggestion && r.refusal.suggestion.operation == MG_OP_WITHDRAW &&
          r.refusal.suggestion.levels == MG_LEVELS_ALL);
    CHECK(strstr(mg_last_error(), "illegal_levels") != NULL);
    { /* the suggestion is a request (version 1) that mg_plan takes as it is */
        mg_request again = r.refusal.suggestion;
        mg_result r2 = MG_RESULT_INIT;
        CHECK(again.version == MG_REQUEST_VERSION);
        CHECK(mg_plan(e, &m3, &again, MG_LANG_JA, &r2) == MG_OK && r2.plan.n_checked == 3);
    }
    CHECK(mg_withdraw(e, &m3, MG_LEVEL_MUNICIPAL, 1, 0, MG_LANG_JA, &r) == MG_OK);
    CHECK(r.plan.form == MG_FORM_WITHDRAWAL && r.plan.selection_label == NULL);
    CHECK(r.plan.n_notes == 1 && r.plan.notes[0].kind == MG_NOTE_CASCADE_APPLIED);
    CHECK(r.plan.result.levels == 0 && r.plan.result.municipal == NULL);

    /* the generic entry point and MyPage */
    {
        mg_request q = MG_REQUEST_INIT;
        q.operation = MG_OP_WITHDRAW;
        q.levels = MG_LEVEL_NATIONAL;
        m3.mypage = MG_MYPAGE_UNKNOWN;
        CHECK(mg_plan(e, &m3, &q, MG_LANG_JA, &r) == MG_OK);
        CHECK(r.plan.n_prerequisites == 1);
        CHECK(r.plan.prerequisites[0].kind == MG_PREREQ_MYPAGE_CHECK);
        CHECK(r.plan.prerequisites[0].support_desk == 1);
        CHECK(r.plan.prerequisites[0].n_steps == 4);
        CHECK(r.plan.prerequisites[0].version == 1 && r.plan.checked[0].version == 1);
        q.operation = 99;
        CHECK(mg_plan(e, &m3, &q, MG_LANG_JA, &r) == MG_ERR_ARGUMENT);
    }
    CHECK(mg_join(e, &none, "13-chiyoda", MG_LEVELS_ALL, cats_all, 0, 7, &r) == MG_ERR_ARGUMENT);
    m1.levels = MG_LEVEL_NATIONAL; /* not a chain */
    CHECK(mg_withdraw(e, &m1, MG_LEVEL_NATIONAL, 0, 0, MG_LANG_JA, &r) == MG_INVALID_STATE);
}

static void test_misc(void) {
    mg_prerequisite_info p = MG_PREREQUISITE_INFO_INIT;
    size_t n = 99;
    const char *code = NULL, *label = NULL;
    mg_support_info s = MG_SUPPORT_INFO_INIT;
    mg_support_contact c = MG_SUPPORT_CONTACT_INIT;
    mg_holiday_info h[24] = {MG_HOLIDAY_INFO_INIT};
    int64_t t = 0;
    char* text = NULL;

    CHECK(mg_check_levels(7, MG_OP_WITHDRAW, MG_LEVEL_NATIONAL, 0) == MG_OK);
    CHECK(mg_check_levels(7, MG_OP_WITHDRAW, MG_LEVEL_MUNICIPAL, 0) == MG_ILLEGAL_LEVELS);
    CHECK(mg_check_levels(7, MG_OP_WITHDRAW, MG_LEVEL_MUNICIPAL, 1) == MG_OK);
    CHECK(mg_check_levels(0, MG_OP_WITHDRAW, MG_LEVEL_MUNICIPAL, 0) == MG_NOT_A_MEMBER);
    CHECK(mg_check_levels(4, MG_OP_JOIN, 1, 0) == MG_INVALID_STATE);
    CHECK(mg_check_levels(0, 6, 1, 0) == MG_ERR_ARGUMENT);

    CHECK(mg_mypage_step(MG_MYPAGE_YES, MG_LANG_JA, &p, &n) == MG_OK && n == 0);
    CHECK(mg_mypage_step(MG_MYPAGE_NO, MG_LANG_JA, &p, &n) == MG_OK && n == 1);
    CHECK(p.kind == MG_PREREQ_USER_REGISTRATION);
    CHECK_STR(p.manual, "MAMIS操作マニュアル（利用者登録）");
    CHECK(mg_mypage_step(MG_MYPAGE_UNKNOWN, MG_LANG_EN, &p, &n) == MG_OK && n == 1);
    CHECK(p.kind == MG_PREREQ_MYPAGE_CHECK && p.support_desk);
    CHECK(mg_mypage_step(3, MG_LANG_JA, &p, &n) == MG_ERR_ARGUMENT);

    CHECK(mg_recommend_category(MG_ROLE_FOUNDER_MANAGER, 0, MG_LANG_JA, &code, &label) == MG_OK);
    CHECK_STR(code, "A1");
    CHECK_STR(label, "A①会員");
    CHECK(mg_recommend_category(MG_ROLE_RESIDENT, 1, MG_LANG_JA, &code, NULL) == MG_OK);
    CHECK_STR(code, "C");
    CHECK(mg_recommend_category(MG_ROLE_OTHER, 1, MG_LANG_JA, &code, &label) == MG_OK);
    CHECK_STR(code, "B");
    CHECK(mg_recommend_category(MG_ROLE_FOUNDER_MANAGER, 1, MG_LANG_JA, &code, &label) ==
          MG_NO_CATEGORY);
    CHECK(code == NULL);

    CHECK(mg_support_contact_info(MG_LANG_JA, &c) == MG_OK);
    CHECK_STR(c.phone, "0120-110-030");
    CHECK_STR(c.mail, "inquiry@mamis.med.or.jp");
    CHECK(mg_parse_instant("2026-12-30T11:00:00+09:00", &t) == MG_OK);
    CHECK(mg_support_status(NULL, t, MG_LANG_JA, &s) == MG_OK);
    CHECK(!s.open && s.reason == MG_DESK_YEAR_END);
    CHECK_STR(s.next_open_iso, "2027-01-04T10:00:00+09:00");
    CHECK(mg_parse_instant("2026-11-24T01:00:00Z", &t) == MG_OK); /* 10:00 JST, a Tuesday */
    CHECK(mg_support_status(NULL, t, MG_LANG_JA, &s) == MG_OK && s.open);
    CHECK(mg_parse_instant("2026-11-23T12:00:00+09:00", &t) == MG_OK); /* 勤労感謝の日 */
    CHECK(mg_support_status(NULL, t, MG_LANG_JA, &s) == MG_OK && s.reason == MG_DESK_HOLIDAY);
    CHECK_STR(s.holiday, "勤労感謝の日");
    CHECK(mg_parse_instant("2026-11-24 10:00", &t) == MG_ERR_PARSE);
    CHECK(mg_support_status(NULL, INT64_C(4200000000), MG_LANG_JA, &s) == MG_ERR_RANGE);

    CHECK(mg_holidays(2026, MG_LANG_JA, NULL, 0, &n) == MG_ERR_BUFFER && n == 18);
    CHECK(mg_holidays(2026, MG_LANG_JA, h, 24, &n) == MG_OK && n == 18);
    CHECK(h[0].year == 2026 && h[0].month == 1 && h[0].day == 1);
    CHECK_STR(h[0].name, "元日");
    CHECK(h[17].version == 1 && h[17].month == 11 && h[17].day == 23); /* 勤労感謝の日 */
    CHECK(mg_holidays(1999, MG_LANG_JA, h, 24, &n) == MG_ERR_RANGE);

    CHECK(mg_guide_json(MG_LANG_JA, &text) == MG_OK && text && strstr(text, "\"step1\""));
    mg_free(text);
    CHECK(mg_transitions_dot(MG_LANG_EN, &text) == MG_OK && text && strstr(text, "digraph"));
    mg_free(text);
}

static void test_json(const mg_engine* e) {
    char* out = NULL;
    const char* req = "{\"member\":{\"mypage\":\"yes\",\"municipal\":\"13-chiyoda\",\"levels\":"
                      "[\"municipal\",\"prefectural\",\"national\"],\"categories\":{\"national\":"
                      "\"A2B\"}},\"request\":{\"operation\":\"withdraw\",\"levels\":[\"national\"],"
                      "\"municipal\":null,\"categories\":{},\"reason\":null,\"cascade\":false,"
                      "\"proxy\":false},\"lang\":\"ja\"}";
    const char nul[] = "{\"request\":\0{}}";
    CHECK(mg_plan_json(e, req, strlen(req), &out) == MG_OK);
    CHECK(out && strstr(out, "\"ok\":true") && strstr(out, "\"rule\":\"withdraw.top_of_chain\""));
    mg_free(out);
    CHECK(mg_plan_json(e, "{", 1, &out) == MG_INVALID_REQUEST);
    CHECK(out && strstr(out, "\"ok\":false") && strstr(out, "invalid_request"));
    mg_free(out);
    CHECK(mg_plan_json(e, nul, sizeof nul - 1, &out) == MG_INVALID_REQUEST);
    CHECK(out && strstr(out, "invalid_request"));
    mg_free(out);
    CHECK(mg_plan_json(e, "", 0, &out) == MG_INVALID_REQUEST && out != NULL);
    mg_free(out);
    CHECK(mg_plan_json(e, NULL, 0, &out) == MG_INVALID_REQUEST && out != NULL);
    mg_free(out);
    {
        mg_engine* none = NULL;
        CHECK(mg_directory_dot(e, MG_LANG_JA, &out) == MG_OK && strstr(out, "13-chiyoda"));
        mg_free(out);
        CHECK(mg_plan_json(none, req, strlen(req), &out) == MG_ERR_ARGUMENT);
        CHECK(out && strstr(out, "invalid_request")); /* still one of the two shapes */
        mg_free(out);
    }
}

/* Since 1.1: mg_batch_json answers each line as mg_plan_json does, with its "line" number first
 * (tests/cli/test_batch.py and the JavaScript package's tests compare it with `mamisguide batch`
 * byte for byte). */
static void test_batch(const mg_engine* e) {
    const char* lines[] = {
        "{\"member\":{\"municipal\":\"13-chiyoda\",\"levels\":[\"municipal\",\"prefectural\","
        "\"national\"]},\"request\":{\"operation\":\"withdraw\",\"levels\":[\"national\"]}}",
        "", "{\"request\":{\"operation\":\"withdraw\",\"levels\":[\"national\"]}}",
        "{\"member\":", /* truncated: invalid_request with its position */
        "{\"request\":{\"operation\":\"join\",\"municipal\":\"13-test-a\",\"levels\":"
        "[\"municipal\"],\"categories\":{}},\"lang\":\"en\"}"};
    const size_t n = sizeof lines / sizeof lines[0];
    char input[2048] = "", *out = NULL, *p;
    size_t i;
    for (i = 0; i < n; ++i) {
        strcat(input, lines[i]);
        if (i + 1 < n) strcat(input, i == 2 ? "\r\n" : "\n"); /* a CRLF too; no newline last */
    }
    CHECK(mg_batch_json(e, input, strlen(input), &out) == MG_OK && out != NULL);
    p = out;
    for (i = 0; p && i < n; ++i) {
        char* plan = NULL;
        char prefix[32];
        char* nl = strchr(p, '\n');
        mg_plan_json(e, lines[i], strlen(lines[i]), &plan);
        /* {"line":N, then mg_plan_json's response after its opening brace, then a newline */
        snprintf(prefix, sizeof prefix, "{\"line\":%u,", (unsigned)(i + 1));
        CHECK(nl != NULL && plan != NULL);
        if (nl && plan) {
            CHECK(strncmp(p, prefix, strlen(prefix)) == 0);
            CHECK((size_t)(nl - p) == strlen(prefix) + strlen(plan) - 1);
            CHECK(strncmp(p + strlen(prefix), plan + 1, strlen(plan) - 1) == 0);
        }
        mg_free(plan);
        p = nl ? nl + 1 : NULL;
    }
    CHECK(p != NULL && *p == '\0'); /* n responses, nothing more */
    mg_free(out);
    CHECK(mg_batch_json(e, "", 0, &out) == MG_OK && out != NULL && *out == '\0');
    mg_free(out);
    CHECK(mg_batch_json(e, NULL, 0, &out) == MG_OK && out != NULL && *out == '\0');
    mg_free(out);
    CHECK(mg_batch_json(e, "\n", 1, &out) == MG_OK && out && strncmp(out, "{\"line\":1,", 9) == 0);
    mg_free(out);
    out = (char*)1;
    CHECK(mg_batch_json(NULL, "\n", 1, &out) == MG_ERR_ARGUMENT && out == NULL);
    CHECK(mg_batch_json(e, NULL, 1, &out) == MG_ERR_ARGUMENT && out == NULL);
    CHECK(mg_batch_json(e, "\n", 1, NULL) == MG_ERR_ARGUMENT);
}

/* Since 1.1: mg_plan_json_to writes mg_plan_json's bytes into the caller's buffer. */
static void test_plan_json_to(const mg_engine* e) {
    const char* reqs[] = {
        "{\"member\":{\"municipal\":\"13-chiyoda\",\"levels\":[\"municipal\"]},\"request\":"
        "{\"operation\":\"withdraw\",\"levels\":[\"municipal\"]},\"lang\":\"en\"}",
        "{\"member\":{\"municipal\":\"13-chiyoda\",\"levels\":[\"municipal\",\"prefectural\"]},"
        "\"request\":{\"operation\":\"withdraw\",\"levels\":[\"municipal\"]}}",
        "{", ""};
    char buf[8192];
    size_t i, size = 0;
    for (i = 0; i < sizeof reqs / sizeof reqs[0]; ++i) {
        char* want = NULL;
        const int st = mg_plan_json(e, reqs[i], strlen(reqs[i]), &want);
        CHECK(want != NULL);
        if (!want) continue;
        memset(buf, '#', sizeof buf);
        CHECK(mg_plan_json_to(e, reqs[i], strlen(reqs[i]), buf, sizeof buf, &size) == st);
        CHECK(size == strlen(want) && memcmp(buf, want, size) == 0 && buf[size] == '#');
        /* one byte short: nothing written, the size needed */
        memset(buf, '#', sizeof buf);
        CHECK(mg_plan_json_to(e, reqs[i], strlen(reqs[i]), buf, strlen(want) - 1, &size) ==
              MG_ERR_BUFFER);
        CHECK(size == strlen(want) && buf[0] == '#');
        CHECK(mg_plan_json_to(e, reqs[i], strlen(reqs[i]), NULL, 0, &size) == MG_ERR_BUFFER);
        CHECK(size == strlen(want));
        /* exactly the size needed */
        CHECK(mg_plan_json_to(e, reqs[i], strlen(reqs[i]), buf, size, &size) == st);
        CHECK(memcmp(buf, want, size) == 0);
        mg_free(want);
    }
    CHECK(mg_plan_json_to(e, reqs[0], strlen(reqs[0]), buf, sizeof buf, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_plan_json_to(e, reqs[0], strlen(reqs[0]), NULL, 10, &size) == MG_ERR_ARGUMENT);
    CHECK(mg_plan_json_to(NULL, reqs[0], strlen(reqs[0]), buf, sizeof buf, &size) ==
          MG_ERR_ARGUMENT);
    CHECK(size > 0 && size < sizeof buf);
    buf[size < sizeof buf ? size : 0] = '\0';
    CHECK(strstr(buf, "invalid_request") != NULL); /* still a response */
    CHECK(mg_plan_json_to(e, NULL, 3, buf, sizeof buf, &size) == MG_ERR_ARGUMENT);
}

/* Since 1.1: the bundled sample master, marked in every plan until a master of one's own. */
static void test_sample(void) {
    const char* req = "{\"member\":{\"municipal\":\"13-chiyoda\",\"levels\":[\"municipal\"]},"
                      "\"request\":{\"operation\":\"withdraw\",\"levels\":[\"municipal\"]}}";
    const char* cats = "association,code,label\n13-chiyoda,K1,one\n";
    mg_engine* e = NULL;
    char* out = NULL;
    size_t before = 0, after = 0;
    CHECK(mg_engine_new(&e) == MG_OK);
    CHECK(mg_association_count(e, &before) == MG_OK);
    /* the encoding set for the user's files does not apply to the bundled UTF-8 file */
    CHECK(mg_engine_set_encoding(e, MG_ENCODING_CP932) == MG_OK);
    CHECK(mg_engine_load_sample(e) == MG_OK);
    CHECK(mg_association_count(e, &after) == MG_OK && after > before + 5);
    CHECK(mg_plan_json(e, req, strlen(req), &out) == MG_OK);
    CHECK(out && strstr(out, "\"kind\":\"sample_directory\"") != NULL);
    mg_free(out);
    CHECK(mg_engine_set_encoding(e, MG_ENCODING_AUTO) == MG_OK);
    CHECK(mg_engine_load_categories_buffer(e, cats, strlen(cats)) == MG_OK); /* keeps the mark */
    CHECK(mg_plan_json(e, req, strlen(req), &out) == MG_OK);
    CHECK(out && strstr(out, "\"kind\":\"sample_directory\"") != NULL);
    mg_free(out);
    CHECK(mg_batch_json(e, req, strlen(req), &out) == MG_OK);
    CHECK(out && strstr(out, "\"kind\":\"sample_directory\"") != NULL);
    mg_free(out);
    CHECK(mg_engine_load_directory_buffer(e, master, strlen(master)) == MG_OK); /* one's own */
    CHECK(mg_plan_json(e, req, strlen(req), &out) == MG_OK);
    CHECK(out && strstr(out, "sample_directory") == NULL);
    mg_free(out);
    mg_engine_free(e);
    CHECK(mg_engine_load_sample(NULL) == MG_ERR_ARGUMENT);
}

/* mg_check_file: a file refused from its size and its beginning, as the loaders refuse it;
 * mg_engine_set_buffer_name: the name a buffer's refusals and notices give. (Since 1.1.) */
static void test_check_file(void) {
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    static const char xlsx[] = "PK\x03\x04\x14\0\x06\0";
    static const char nul_in_row[] = "code,name,prefecture\n13-x,a\0b,13\n";
    static const char bad_row[] = "code,name,prefecture\n13-x,,13\n";
    mg_engine* e = NULL;
    char* out = NULL;
    CHECK(mg_check_file("m.csv", strlen(master), master, strlen(master)) == MG_OK);
    CHECK(mg_check_file("m.csv", 10u << 20, master, strlen(master)) == MG_OK); /* 10 MiB: read on */
    /* 200 MB: refused from the size alone */
    CHECK(mg_check_file("big.csv", (uint64_t)200 << 20, master, 16) == MG_ERR_LOAD);
    CHECK(mg_last_load_error_json(MG_LANG_EN, &out) == MG_OK);
    CHECK(out && strstr(out, "\"kind\":\"too_large\"") && strstr(out, "\"source\":\"big.csv\""));
    mg_free(out);
    CHECK(mg_check_file("p.png", sizeof png - 1, png, sizeof png - 1) == MG_ERR_LOAD);
    CHECK(mg_last_load_error_json(MG_LANG_JA, &out) == MG_OK);
    CHECK(out && strstr(out, "\"kind\":\"not_text\"") && strstr(out, "\"detail\":\"PNG\""));
    mg_free(out);
    CHECK(mg_check_file(NULL, sizeof xlsx - 1, xlsx, sizeof xlsx - 1) == MG_ERR_LOAD);
    CHECK(mg_last_load_error_json(MG_LANG_EN, &out) == MG_OK);
    CHECK(out && strstr(out, "\"source\":\"<buffer>\"") && strstr(out, ".xlsx"));
    mg_free(out);
    CHECK(mg_check_file("n.csv", sizeof nul_in_row - 1, nul_in_row, sizeof nul_in_row - 1) ==
          MG_ERR_LOAD);
    CHECK(mg_last_load_error_json(MG_LANG_EN, &out) == MG_OK);
    CHECK(out && strstr(out, "\"line\":2") && strstr(out, "0x00"));
    mg_free(out);
    CHECK(mg_check_file("x", 0, NULL, 0) == MG_OK);
    CHECK(mg_check_file("x", 10, NULL, 5) == MG_ERR_ARGUMENT);
    CHECK(mg_check_file("x", 3, "abcd", 4) == MG_ERR_ARGUMENT);

    /* the loaders refuse the same, whole */
    CHECK(mg_engine_new(&e) == MG_OK);
    CHECK(mg_engine_set_buffer_name(e, "会員医師会一覧.csv") == MG_OK);
    CHECK(mg_engine_load_directory_buffer(e, png, sizeof png - 1) == MG_ERR_LOAD);
    CHECK(mg_last_load_error_json(MG_LANG_EN, &out) == MG_OK);
    CHECK(out && strstr(out, "\"kind\":\"not_text\"") &&
          strstr(out, "\"source\":\"会員医師会一覧.csv\""));
    mg_free(out);
    CHECK(mg_engine_load_directory_buffer(e, bad_row, strlen(bad_row)) == MG_ERR_LOAD);
    CHECK(mg_last_load_error_json(MG_LANG_JA, &out) == MG_OK);
    CHECK(out && strstr(out, "\"message\":\"会員医師会一覧.csv:2: "));
    mg_free(out);
    CHECK(mg_engine_set_buffer_name(e, NULL) == MG_OK);
    CHECK(mg_engine_load_categories_buffer(e, bad_row, strlen(bad_row)) == MG_ERR_LOAD);
    CHECK(mg_last_load_error_json(MG_LANG_EN, &out) == MG_OK);
    CHECK(out && strstr(out, "\"source\":\"<buffer>\""));
    mg_free(out);
    CHECK(mg_engine_set_buffer_name(NULL, "x") == MG_ERR_ARGUMENT);
    mg_engine_free(e);
}

/* Every function that takes a pointer, given NULL: a status, never a crash. */
static void test_nulls(mg_engine* e) {
    mg_member m = member_of(7);
    mg_request q = MG_REQUEST_INIT;
    mg_result r = MG_RESULT_INIT;
    mg_association_info a = MG_ASSOCIATION_INFO_INIT;
    mg_prerequisite_info p = MG_PREREQUISITE_INFO_INIT;
    mg_support_info s = MG_SUPPORT_INFO_INIT;
    mg_support_contact c = MG_SUPPORT_CONTACT_INIT;
    mg_holiday_info h[24] = {MG_HOLIDAY_INFO_INIT};
    size_t n;
    int64_t t;
    const char* code;
    char* out = NULL;

    CHECK(mg_engine_new(NULL) == MG_ERR_ARGUMENT);
    mg_engine_free(NULL);
    mg_free(NULL);
    CHECK(mg_engine_load_directory(NULL, "x") == MG_ERR_ARGUMENT);
    CHECK(mg_engine_load_directory(e, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_engine_load_directory_buffer(NULL, "x", 1) == MG_ERR_ARGUMENT);
    CHECK(mg_engine_load_directory_buffer(e, NULL, 5) == MG_ERR_ARGUMENT);
    CHECK(mg_engine_load_directory_buffer(e, NULL, 0) == MG_ERR_LOAD); /* empty: no header */
    CHECK(mg_engine_load_categories(NULL, "x") == MG_ERR_ARGUMENT);
    CHECK(mg_engine_load_categories(e, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_engine_load_categories_buffer(NULL, "x", 1) == MG_ERR_ARGUMENT);
    CHECK(mg_engine_load_categories_buffer(e, NULL, 5) == MG_ERR_ARGUMENT);
    CHECK(mg_engine_set_year_end(NULL, 12, 29, 1, 3) == MG_ERR_ARGUMENT);
    CHECK(mg_association_count(NULL, &n) == MG_ERR_ARGUMENT);
    CHECK(mg_association_count(e, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_association_at(NULL, 0, 0, &a) == MG_ERR_ARGUMENT);
    CHECK(mg_association_at(e, 0, 0, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_association_find(NULL, "13", 0, &a) == MG_ERR_ARGUMENT);
    CHECK(mg_association_find(e, NULL, 0, &a) == MG_ERR_ARGUMENT);
    CHECK(mg_association_find(e, "13", 0, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_plan_json(e, "{}", 2, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_plan_json(e, NULL, 3, &out) == MG_ERR_ARGUMENT && out != NULL);
    mg_free(out);
    CHECK(mg_plan(NULL, &m, &q, 0, &r) == MG_ERR_ARGUMENT);
    CHECK(mg_plan(e, NULL, &q, 0, &r) == MG_ERR_ARGUMENT);
    CHECK(mg_plan(e, &m, NULL, 0, &r) == MG_ERR_ARGUMENT);
    CHECK(mg_plan(e, &m, &q, 0, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_join(NULL, &m, "13-chiyoda", 1, NULL, 0, 0, &r) == MG_ERR_ARGUMENT);
    CHECK(mg_join(e, NULL, "13-chiyoda", 1, NULL, 0, 0, &r) == MG_ERR_ARGUMENT);
    CHECK(mg_join(e, &m, "13-chiyoda", 1, NULL, 0, 0, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_additional_join(NULL, &m, 2, NULL, 0, 0, &r) == MG_ERR_ARGUMENT);
    CHECK(mg_additional_join(e, NULL, 2, NULL, 0, 0, &r) == MG_ERR_ARGUMENT);
    CHECK(mg_additional_join(e, &m, 2, NULL, 0, 0, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_change_category(NULL, &m, NULL, 0, 0, &r) == MG_ERR_ARGUMENT);
    CHECK(mg_change_category(e, NULL, NULL, 0, 0, &r) == MG_ERR_ARGUMENT);
    CHECK(mg_change_category(e, &m, NULL, 0, 0, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_change_facility(NULL, &m, NULL, 0, 0, &r) == MG_ERR_ARGUMENT);
    CHECK(mg_change_facility(e, NULL, NULL, 0, 0, &r) == MG_ERR_ARGUMENT);
    CHECK(mg_change_facility(e, &m, NULL, 0, 0, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_transfer(NULL, &m, "x", NULL, NULL, 0, 0, &r) == MG_ERR_ARGUMENT);
    CHECK(mg_transfer(e, NULL, "x", NULL, NULL, 0, 0, &r) == MG_ERR_ARGUMENT);
    CHECK(mg_transfer(e, &m, "x", NULL, NULL, 0, 0, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_withdraw(NULL, &m, 4, 0, 0, 0, &r) == MG_ERR_ARGUMENT);
    CHECK(mg_withdraw(e, NULL, 4, 0, 0, 0, &r) == MG_ERR_ARGUMENT);
    CHECK(mg_withdraw(e, &m, 4, 0, 0, 0, NULL) == MG_ERR_ARGUMENT);
    /* NULL strings inside the structs mean "not given": refusals, not crashes */
    CHECK(mg_join(e, &m, NULL, 1, NULL, 0, 0, &r) == MG_ALREADY_MEMBER);
    CHECK(mg_transfer(e, &m, NULL, NULL, NULL, 0, 0, &r) == MG_INVALID_REQUEST);
    m.municipal = NULL;
    CHECK(mg_change_facility(e, &m, NULL, 0, 0, &r) == MG_INVALID_REQUEST); /* missing field */
    CHECK(mg_mypage_step(0, 0, NULL, &n) == MG_ERR_ARGUMENT);
    CHECK(mg_mypage_step(0, 0, &p, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_recommend_category(0, 0, 0, NULL, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_recommend_category(0, 0, 0, &code, NULL) == MG_OK);
    CHECK(mg_guide_json(0, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_directory_dot(NULL, 0, &out) == MG_ERR_ARGUMENT && out == NULL);
    CHECK(mg_directory_dot(e, 0, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_transitions_dot(0, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_support_contact_info(0, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_support_status(e, 0, 0, NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_support_status(NULL, INT64_C(1795000000), 0, &s) == MG_OK); /* NULL: default desk */
    CHECK(mg_parse_instant(NULL, &t) == MG_ERR_ARGUMENT);
    CHECK(mg_parse_instant("2026-01-01T00:00:00Z", NULL) == MG_ERR_ARGUMENT);
    CHECK(mg_holidays(2026, 0, h, 24, NULL) == MG_ERR_ARGUMENT);
    CHECK(strlen(mg_last_error()) > 0);
    (void)c;
}

/* The web guide's JSON: its words, and the category questions of the guide's leaves. */
static void test_web(const mg_engine* e) {
    char* out = NULL;
    CHECK(mg_web_texts_json(MG_LANG_JA, &out) == MG_OK && out);
    CHECK(out && strstr(out, "\"show\":\"案内を表示\"") &&
          strstr(out, "\"switch_lang\":\"English\""));
    CHECK(out && strstr(out, "\"held\":[{\"levels\":[\"municipal\"]"));
    mg_free(out);
    CHECK(mg_web_texts_json(MG_LANG_EN, &out) == MG_OK && out &&
          strstr(out, "\"show\":\"Show the guide\""));
    mg_free(out);
    CHECK(mg_web_texts_json(7, &out) == MG_ERR_ARGUMENT && out == NULL);
    CHECK(mg_web_texts_json(MG_LANG_JA, NULL) == MG_ERR_ARGUMENT);

    /* join up to JMA: three associations, JMA's five categories with their descriptions */
    CHECK(mg_guide_categories_json(e, "join.national", NULL, 0, "13-test-a", 0, MG_LANG_JA, &out) ==
          MG_OK);
    CHECK(out && strstr(out, "\"level\":\"municipal\",\"code\":\"13-test-a\"") &&
          strstr(out, "\"code\":\"13\"") && strstr(out, "\"code\":\"00\"") &&
          strstr(out, "\"code\":\"A2C\"") &&
          strstr(out, "\"description\":\"医師法に基づく研修医\""));
    mg_free(out);
    /* a transfer within the prefecture changes the municipal association only */
    CHECK(mg_guide_categories_json(e, "change.transfer", "13-test-a", MG_LEVELS_ALL, "13-test-b", 0,
                                   MG_LANG_EN, &out) == MG_OK);
    CHECK(out && strstr(out, "\"13-test-b\"") && !strstr(out, "\"prefectural\"") &&
          !strstr(out, "\"national\""));
    mg_free(out);
    /* … to another prefecture, the prefectural one too; never JMA */
    CHECK(mg_guide_categories_json(e, "change.transfer", "13-test-a", MG_LEVELS_ALL, "27-test-kita",
                                   0, MG_LANG_EN, &out) == MG_OK);
    CHECK(out && strstr(out, "\"27-test-kita\"") && strstr(out, "\"code\":\"27\"") &&
          !strstr(out, "\"national\""));
    mg_free(out);
    /* a change of category: the held levels chosen, on the member's own chain */
    CHECK(mg_guide_categories_json(e, "change.category", "13-test-a", MG_LEVELS_ALL, NULL,
                                   MG_LEVEL_NATIONAL, MG_LANG_JA, &out) == MG_OK);
    CHECK(out && strstr(out, "\"code\":\"00\"") && !strstr(out, "13-test-a"));
    mg_free(out);
    /* refusals: a leaf that asks no category, an unknown leaf, unknown and wrong associations */
    CHECK(mg_guide_categories_json(e, "withdraw.n", "13-test-a", MG_LEVELS_ALL, NULL, 0, MG_LANG_JA,
                                   &out) == MG_INVALID_REQUEST);
    CHECK(out && strstr(out, "\"ok\":false"));
    mg_free(out);
    CHECK(mg_guide_categories_json(e, "nowhere", NULL, 0, NULL, 0, MG_LANG_JA, &out) ==
          MG_INVALID_REQUEST);
    mg_free(out);
    CHECK(mg_guide_categories_json(e, "join.municipal", NULL, 0, "99-none", 0, MG_LANG_JA, &out) ==
          MG_UNKNOWN_ASSOCIATION);
    CHECK(out && strstr(out, "\"unknown_association\""));
    mg_free(out);
    CHECK(mg_guide_categories_json(e, "join.municipal", NULL, 0, "13", 0, MG_LANG_JA, &out) ==
          MG_LEVEL_MISMATCH);
    mg_free(out);
    CHECK(mg_guide_categories_json(e, "join.municipal", NULL, 0, NULL, 0, MG_LANG_JA, &out) ==
          MG_INVALID_REQUEST);
    mg_free(out);
    CHECK(mg_guide_categories_json(e, "change.transfer", "99-none", MG_LEVELS_ALL, "13-test-b", 0,
                                   MG_LANG_JA, &out) == MG_UNKNOWN_ASSOCIATION);
    CHECK(out && strstr(out, "\"member.municipal\""));
    mg_free(out);
    CHECK(mg_guide_categories_json(e, "join.municipal", NULL, 8, "13-test-a", 0, MG_LANG_JA,
                                   &out) == MG_ERR_ARGUMENT);
    CHECK(mg_guide_categories_json(NULL, "join.municipal", NULL, 0, "13-test-a", 0, MG_LANG_JA,
                                   &out) == MG_ERR_ARGUMENT);
    CHECK(mg_guide_categories_json(e, NULL, NULL, 0, "13-test-a", 0, MG_LANG_JA, &out) ==
          MG_ERR_ARGUMENT);
    CHECK(mg_guide_categories_json(e, "join.municipal", NULL, 0, "13-test-a", 0, MG_LANG_JA,
                                   NULL) == MG_ERR_ARGUMENT);
}

/* Every versioned struct given version 0 (not initialized) or one newer than the library:
 * MG_ERR_VERSION, with the struct named in mg_last_error(), and nothing written. */
static void test_versions(const mg_engine* e) {
    static const unsigned bad[2] = {0, 1000};
    const char* cats[3] = {"X", "A", "A1"};
    size_t k, n = 0;
    for (k = 0; k < 2; ++k) {
        mg_member m = member_of(0), m7 = member_of(7);
        mg_request q = MG_REQUEST_INIT;
        mg_result r = MG_RESULT_INIT;
        mg_association_info a = MG_ASSOCIATION_INFO_INIT;
        mg_prerequisite_info p = MG_PREREQUISITE_INFO_INIT;
        mg_support_info s = MG_SUPPORT_INFO_INIT;
        mg_support_contact c = MG_SUPPORT_CONTACT_INIT;
        mg_holiday_info h[24] = {MG_HOLIDAY_INFO_INIT};

        m.version = bad[k];
        CHECK(mg_join(e, &m, "13-chiyoda", MG_LEVELS_ALL, cats, 0, MG_LANG_JA, &r) ==
              MG_ERR_VERSION);
        CHECK(strstr(mg_last_error(), "mg_member.version") != NULL);
        CHECK(r.status == 0 && r.plan.n_checked == 0); /* nothing written */
        m.version = MG_MEMBER_VERSION;
        r.version = bad[k];
        CHECK(mg_join(e, &m, "13-chiyoda", MG_LEVELS_ALL, cats, 0, MG_LANG_JA, &r) ==
              MG_ERR_VERSION);
        CHECK(strstr(mg_last_error(), "mg_result.version") != NULL);
        CHECK(mg_withdraw(e, &m7, MG_LEVEL_NATIONAL, 0, 0, MG_LANG_JA, &r) == MG_ERR_VERSION);
        CHECK(r.plan.n_checked == 0);
        r.version = MG_RESULT_VERSION;
        q.operation = MG_OP_WITHDRAW;
        q.levels = MG_LEVEL_NATIONAL;
        q.version = bad[k];
        CHECK(mg_plan(e, &m7, &q, MG_LANG_JA, &r) == MG_ERR_VERSION);
        CHECK(strstr(mg_last_error(), "mg_request.version") != NULL);
        q.version = MG_REQUEST_VERSION;
        CHECK(mg_plan(e, &m7, &q, MG_LANG_JA, &r) == MG_OK);

        a.version = bad[k];
        CHECK(mg_association_at(e, 0, MG_LANG_JA, &a) == MG_ERR_VERSION && a.code == NULL);
        CHECK(mg_association_find(e, "13", MG_LANG_JA, &a) == MG_ERR_VERSION && a.code == NULL);
        p.version = bad[k];
        CHECK(mg_mypage_step(MG_MYPAGE_NO, MG_LANG_JA, &p, &n) == MG_ERR_VERSION);
        CHECK(p.manual == NULL);
        s.version = bad[k];
        CHECK(mg_support_status(NULL, INT64_C(1795000000), MG_LANG_JA, &s) == MG_ERR_VERSION);
        CHECK(s.next_open == 0);
        c.version = bad[k];
        CHECK(mg_support_contact_info(MG_LANG_JA, &c) == MG_ERR_VERSION && c.phone == NULL);
        h[0].version = bad[k];
        CHECK(mg_holidays(2026, MG_LANG_JA, h, 24, &n) == MG_ERR_VERSION && h[0].year == 0);
        CHECK(strstr(mg_last_error(), "mg_holiday_info.version") != NULL);
        /* asking for the count alone reads no struct */
        CHECK(mg_holidays(2026, MG_LANG_JA, NULL, 0, &n) == MG_ERR_BUFFER && n == 18);
    }
}

int main(int argc, char** argv) {
    mg_engine* e = NULL;
    const char* source_dir = argc > 1 ? argv[1] : ".";
    test_version();
    CHECK(mg_engine_new(&e) == MG_OK && e != NULL);
    CHECK(mg_engine_load_directory_buffer(e, master, strlen(master)) == MG_OK);
    test_engine(e, source_dir);
    test_typed(e);
    test_misc();
    test_json(e);
    test_batch(e);
    test_plan_json_to(e);
    test_sample();
    test_check_file();
    test_web(e);
    test_nulls(e);
    test_versions(e);
    mg_engine_free(e);
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
