/* SPDX-FileCopyrightText: 2026 The mamisguide authors */
/* SPDX-License-Identifier: Apache-2.0 */
/* The 1.x promise (docs/abi.md): a program built against 1.0 keeps working against a later 1.x
 * whose structs grew at their end.
 *
 * libmamisguide_next is this tree's library built with MG_ABI_TEST_NEXT: mg_member and mg_result
 * each have a field appended and MG_MEMBER_VERSION / MG_RESULT_VERSION are 2, as a 1.1 would.
 * This file is compiled three times:
 *   - old: without MG_ABI_TEST_NEXT (the 1.0 layout), linked to libmamisguide_next: everything
 *     works, and the library reads and writes not one byte past the 1.0 structs;
 *   - new: with MG_ABI_TEST_NEXT, linked to libmamisguide_next: the appended fields work;
 *   - new_on_1_0: with MG_ABI_TEST_NEXT, linked to the 1.0 library: MG_ERR_VERSION, nothing
 *     written (a newer caller is refused, never misread). */
#include <mamisguide.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            ++failures;                                                                            \
            fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, __LINE__,      \
                    #cond, mg_last_error());                                                       \
        }                                                                                          \
    } while (0)

#define GUARD 64
#define GUARD_BYTE 0xA5

/* A struct followed by guard bytes the library must not touch. */
typedef struct guarded_result {
    mg_result r;
    unsigned char guard[GUARD];
} guarded_result;

static int guard_intact(const unsigned char* g) {
    size_t i;
    for (i = 0; i < GUARD; ++i)
        if (g[i] != GUARD_BYTE) return 0;
    return 1;
}

int main(void) {
    mg_engine* e = NULL;
    const char* cats[3] = {"A", "A", "A2B"};
    /* exactly the caller's size on the heap: reading past it is a sanitizer error */
    mg_member* m = malloc(sizeof *m);
    guarded_result* out = malloc(sizeof *out);
    int st;
    static const char master[] = "code,name,prefecture\n13-test,Test,13\n";
    if (!m || !out || mg_engine_new(&e) != MG_OK) return 2;
    if (mg_engine_load_directory_buffer(e, master, sizeof master - 1) != MG_OK) return 2;
    memset(out, GUARD_BYTE, sizeof *out);
    {
        const mg_member init = MG_MEMBER_INIT;
        const mg_result rinit = MG_RESULT_INIT;
        *m = init;
        out->r = rinit;
    }
    m->mypage = MG_MYPAGE_YES;

    st = mg_join(e, m, "13-test", MG_LEVELS_ALL, cats, 0, MG_LANG_JA, &out->r);
#if defined(MG_ABI_TEST_NEXT) && defined(MG_TEST_ON_1_0)
    /* version 2 against the 1.0 library */
    CHECK(MG_RESULT_VERSION == 2 && MG_MEMBER_VERSION == 2);
    CHECK(st == MG_ERR_VERSION);
    CHECK(strstr(mg_last_error(), "mg_member.version is 2") != NULL);
    CHECK(out->r.status == 0 && out->r.plan.n_checked == 0);
    m->version = 1; /* a caller can always ask for an older layout */
    st = mg_join(e, m, "13-test", MG_LEVELS_ALL, cats, 0, MG_LANG_JA, &out->r);
    CHECK(st == MG_ERR_VERSION && strstr(mg_last_error(), "mg_result.version is 2") != NULL);
    out->r.version = 1;
    st = mg_join(e, m, "13-test", MG_LEVELS_ALL, cats, 0, MG_LANG_JA, &out->r);
    CHECK(st == MG_OK && out->r.plan.n_checked == 3);
    CHECK(out->r.next_status == 0); /* a version-1 result: the appended field is not written */
    CHECK(guard_intact(out->guard));
#else
    CHECK(st == MG_OK);
    CHECK(out->r.status == MG_OK && out->r.plan.n_checked == 3);
    CHECK(out->r.plan.checked[2].code && strcmp(out->r.plan.checked[2].code, "00") == 0);
    CHECK(guard_intact(out->guard));
    /* a refusal writes the other half, still within the caller's struct */
    m->levels = MG_LEVELS_ALL;
    m->municipal = "13-test";
    st = mg_withdraw(e, m, MG_LEVEL_MUNICIPAL, 0, 0, MG_LANG_EN, &out->r);
    CHECK(st == MG_ILLEGAL_LEVELS && out->r.refusal.has_suggestion);
    CHECK(out->r.refusal.suggestion.version == 1 &&
          out->r.refusal.suggestion.levels == MG_LEVELS_ALL);
    CHECK(guard_intact(out->guard));
#ifdef MG_ABI_TEST_NEXT
    /* the new caller: the library read and wrote the appended fields */
    CHECK(out->r.version == 2 && out->r.next_status == MG_ILLEGAL_LEVELS);
    st = mg_withdraw(e, m, MG_LEVEL_MUNICIPAL, 1, 0, MG_LANG_EN, &out->r);
    CHECK(st == MG_OK && out->r.next_status == MG_OK);
    m->next_flags = 1; /* the library checks the new input field */
    CHECK(mg_withdraw(e, m, MG_LEVEL_MUNICIPAL, 1, 0, MG_LANG_EN, &out->r) == MG_ERR_ARGUMENT);
#else
    CHECK(out->r.version == 1 && sizeof(mg_result) + GUARD == sizeof *out);
#endif
#endif
    mg_engine_free(e);
    free(m);
    free(out);
    if (failures) return 1;
    printf("test_abi_next (%s): ok\n", mg_version());
    return 0;
}
