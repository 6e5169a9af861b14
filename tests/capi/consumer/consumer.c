/* SPDX-FileCopyrightText: 2026 The mamisguide authors */
/* SPDX-License-Identifier: Apache-2.0 */
#include <mamisguide.h>

#include <stdio.h>
#include <string.h>

int main(void) {
    mg_engine* e = NULL;
    char* out = NULL;
    const char* req =
        "{\"request\":{\"operation\":\"join\",\"municipal\":\"13\",\"levels\":[\"municipal\"],"
        "\"categories\":{\"municipal\":\"A\"}}}";
    int st;
    if (mg_engine_new(&e) != MG_OK) return 1;
    st = mg_plan_json(e, req, strlen(req), &out);
    /* "13" is the Tokyo prefectural association, not a municipal one */
    if (st != MG_LEVEL_MISMATCH || !out || !strstr(out, "level_mismatch")) return 1;
    printf("%s %s\n", mg_version(), out);
    mg_free(out);
    mg_engine_free(e);
    return 0;
}
