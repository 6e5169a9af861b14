/* SPDX-FileCopyrightText: 2026 The mamisguide authors */
/* SPDX-License-Identifier: Apache-2.0 */
/* README's C snippet, as README shows it; ctest builds and runs it (examples/CMakeLists.txt). */
#include <mamisguide.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
    const char* master = argc > 1 ? argv[1] : "data/sample-municipal.csv"; /* your master */
    const char* json = "{\"member\":{\"municipal\":\"13-chiyoda\",\"levels\":[\"municipal\","
                       "\"prefectural\",\"national\"]},\"request\":{\"operation\":\"withdraw\","
                       "\"levels\":[\"national\"]}}";
    mg_engine* e = NULL;
    mg_member m = MG_MEMBER_INIT; /* every struct starts with its version: MG_*_INIT */
    mg_result r = MG_RESULT_INIT;
    char* response = NULL;
    int st = mg_engine_new(&e); /* JMA + the 47 prefectures */
    if (st == MG_OK) st = mg_engine_load_directory(e, master);
    if (st != MG_OK) { /* MG_ERR_IO, MG_ERR_LOAD (file, line, reason), MG_ERR_NOMEM */
        fprintf(stderr, "%s: %s\n", mg_status_name(st), mg_last_error());
        mg_engine_free(e);
        return 2;
    }
    /* JSON: MG_OK or the refusal's code (1-14), and always a response of the contract */
    st = mg_plan_json(e, json, strlen(json), &response);
    printf("%s %s\n", mg_status_name(st), response ? response : mg_last_error());
    mg_free(response);

    /* typed, no JSON: leave the municipal association alone (refused, with a suggestion) */
    m.municipal = "13-chiyoda";
    m.levels = MG_LEVELS_ALL;
    st = mg_withdraw(e, &m, MG_LEVEL_MUNICIPAL, 0, 0, MG_LANG_EN, &r);
    if (st == MG_OK)
        printf("%s: %zu associations\n", r.plan.form_label, r.plan.n_checked);
    else if (st > 0) /* a refusal: r.refusal */
        printf("%s: %s\n", r.refusal.code_name, r.refusal.message);
    else /* MG_ERR_*: a bad argument */
        fprintf(stderr, "%s: %s\n", mg_status_name(st), mg_last_error());
    mg_engine_free(e);
    return st < 0 ? 2 : 0;
}
