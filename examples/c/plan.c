/* SPDX-FileCopyrightText: 2026 The mamisguide authors */
/* SPDX-License-Identifier: Apache-2.0 */
/*
 * mamisguide example (C11): plan applications through the C ABI.
 *
 *   plan [MASTER.csv]
 *
 * Loads a municipal master (the sample by default), then:
 *   1. plans a new admission with the typed function mg_join() and prints the plan;
 *   2. asks for an illegal withdrawal with mg_withdraw() and prints the refusal and its
 *      suggestion, then takes the suggestion with cascade;
 *   3. plans a withdrawal through the JSON contract, mg_plan_json().
 * Exits non-zero when anything is not what it should be.
 */
#include <mamisguide.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef MG_SAMPLE_MASTER
#define MG_SAMPLE_MASTER "data/sample-municipal.csv"
#endif

static int failures = 0;

#define EXPECT(cond)                                                                               \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: expected %s\n", __FILE__, __LINE__, #cond);                    \
            ++failures;                                                                            \
        }                                                                                          \
    } while (0)

static const char* level_name(unsigned bit) {
    switch (bit) {
    case MG_LEVEL_MUNICIPAL:
        return "municipal";
    case MG_LEVEL_PREFECTURAL:
        return "prefectural";
    case MG_LEVEL_NATIONAL:
        return "national";
    default:
        return "?";
    }
}

static void print_plan(const mg_plan_info* p) {
    size_t i;
    printf("  form: %s", p->form_label);
    if (p->selection_label) printf(" / %s", p->selection_label);
    printf("\n  tick:\n");
    for (i = 0; i < p->n_checked; ++i)
        printf("    [x] %s (%s, %s)\n", p->checked[i].name, p->checked[i].code,
               level_name(p->checked[i].level));
    for (i = 0; i < p->n_categories; ++i)
        printf("  category %s: %s%s\n", level_name(p->categories[i].level), p->categories[i].code,
               p->categories[i].checked ? "" : " (not checked: no catalogue)");
    printf("  steps:\n");
    for (i = 0; i < p->n_steps; ++i) printf("    %zu. %s\n", i + 1, p->steps[i]);
    printf("  manual: %s\n  rule: %s\n", p->manual, p->rule);
    for (i = 0; i < p->n_notes; ++i)
        printf("  note [%s]: %s\n", p->notes[i].association ? p->notes[i].association : "-",
               p->notes[i].text);
}

int main(int argc, char** argv) {
    const char* master = argc > 1 ? argv[1] : MG_SAMPLE_MASTER;
    mg_engine* e = NULL;
    mg_result r = MG_RESULT_INIT; /* every struct starts with its version: use MG_*_INIT */
    int status;

    printf("libmamisguide %s\n", mg_version());
    EXPECT(mg_version_number() / 1000000 == MG_VERSION_MAJOR);

    if (mg_engine_new(&e) != MG_OK) {
        fprintf(stderr, "mg_engine_new: %s\n", mg_last_error());
        return 1;
    }
    status = mg_engine_load_directory(e, master);
    if (status != MG_OK) {
        fprintf(stderr, "%s: %s\n", mg_status_name(status), mg_last_error());
        mg_engine_free(e);
        return 1;
    }

    /* 1. 新規入会: 千代田区医師会, up to JMA, by someone who is not sure about their MyPage. */
    {
        mg_member nobody = MG_MEMBER_INIT;
        nobody.mypage = MG_MYPAGE_UNKNOWN;
        const char* categories[3] = {"A", "A", "A2B"};
        status = mg_join(e, &nobody, "13-chiyoda", MG_LEVELS_ALL, categories, 0, MG_LANG_JA, &r);
        printf("\n[mg_join] %s\n", mg_status_name(status));
        EXPECT(status == MG_OK);
        if (status == MG_OK) {
            print_plan(&r.plan);
            EXPECT(r.plan.form == MG_FORM_ADMISSION && r.plan.selection == MG_SELECTION_NEW);
            EXPECT(r.plan.n_checked == 3);
            EXPECT(strcmp(r.plan.checked[0].code, "13-chiyoda") == 0);
            EXPECT(strcmp(r.plan.checked[1].code, "13") == 0);
            EXPECT(strcmp(r.plan.checked[2].code, "00") == 0);
            EXPECT(r.plan.n_prerequisites == 1 &&
                   r.plan.prerequisites[0].kind == MG_PREREQ_MYPAGE_CHECK);
            EXPECT(r.plan.result.levels == MG_LEVELS_ALL);
        }
    }

    /* 2. 退会 of the municipal association alone, by a member of all three: refused. */
    {
        mg_member full = MG_MEMBER_INIT;
        full.mypage = MG_MYPAGE_YES;
        full.municipal = "14-yokohama";
        full.levels = MG_LEVELS_ALL;
        full.categories[MG_IDX_NATIONAL] = "A2B";
        status = mg_withdraw(e, &full, MG_LEVEL_MUNICIPAL, 0, 0, MG_LANG_EN, &r);
        printf("\n[mg_withdraw municipal] %s\n", mg_status_name(status));
        EXPECT(status == MG_ILLEGAL_LEVELS);
        if (status > 0) {
            printf("  refused: %s\n  field: %s\n", r.refusal.message,
                   r.refusal.field ? r.refusal.field : "-");
            EXPECT(r.refusal.has_suggestion);
            EXPECT(r.refusal.suggestion.operation == MG_OP_WITHDRAW);
            EXPECT(r.refusal.suggestion.levels == MG_LEVELS_ALL);
            printf("  suggestion: withdraw levels=%u\n", r.refusal.suggestion.levels);
        }
        /* The same request with cascade takes the suggestion. */
        status = mg_withdraw(e, &full, MG_LEVEL_MUNICIPAL, 1, 0, MG_LANG_EN, &r);
        printf("\n[mg_withdraw municipal, cascade] %s\n", mg_status_name(status));
        EXPECT(status == MG_OK);
        if (status == MG_OK) {
            print_plan(&r.plan);
            EXPECT(r.plan.n_checked == 3 && r.plan.result.levels == 0);
            EXPECT(r.plan.n_notes >= 1 && r.plan.notes[0].kind == MG_NOTE_CASCADE_APPLIED);
        }
    }

    /* 3. The JSON contract: leave JMA only (日医のみ退会). */
    {
        static const char request[] =
            "{\"member\":{\"municipal\":\"13-chiyoda\","
            "\"levels\":[\"municipal\",\"prefectural\",\"national\"],\"categories\":{\"national\":"
            "\"A2B\"}},"
            "\"request\":{\"operation\":\"withdraw\",\"levels\":[\"national\"]}}";
        char* response = NULL;
        status = mg_plan_json(e, request, sizeof request - 1, &response);
        printf("\n[mg_plan_json] %s\n%s\n", mg_status_name(status), response ? response : "(null)");
        EXPECT(status == MG_OK);
        EXPECT(response && strncmp(response, "{\"ok\":true", 10) == 0);
        EXPECT(response && strstr(response, "\"form\":\"withdrawal\""));
        EXPECT(response &&
               strstr(response, "\"checked\":[{\"level\":\"national\",\"code\":\"00\""));
        mg_free(response);

        /* Whatever the bytes, the answer is a refusal, never a crash. */
        response = NULL;
        status = mg_plan_json(e, "{\"request\":", 11, &response);
        printf("[mg_plan_json, broken JSON] %s\n%s\n", mg_status_name(status),
               response ? response : "(null)");
        EXPECT(status == MG_INVALID_REQUEST);
        EXPECT(response && strstr(response, "\"code\":\"invalid_request\""));
        mg_free(response);
    }

    mg_engine_free(e);
    if (failures) {
        fprintf(stderr, "plan: %d check(s) failed\n", failures);
        return 1;
    }
    printf("\nplan: all checks passed\n");
    return 0;
}
