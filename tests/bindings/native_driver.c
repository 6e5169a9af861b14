/* SPDX-FileCopyrightText: 2026 The mamisguide authors */
/* SPDX-License-Identifier: Apache-2.0 */
/* The native reference for the bindings' tests (tests/bindings/run_bindings.py): the C ABI
 * called directly, writing what each binding's test program writes for the same calls.
 *
 *   native_driver compare (MASTER CATEGORIES|- REQUESTS)...
 *       every request of REQUESTS (framed: "<length>\n<bytes>\n" each) through mg_plan_json on
 *       an engine with MASTER (and CATEGORIES) loaded; one frame per answer on stdout
 *   native_driver answers MASTER CATEGORIES BAD_MASTER MISSING_FILE CP932_MASTER
 *       every other answer of the C ABI (the list: answers() below), framed
 *
 * A frame is "<length>\n<bytes>\n" for an answer, "E<status> <status name>\n" followed by a frame
 * of mg_last_error() for a failure. */
#include <mamisguide.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif

static void frame(const char* data, size_t len) {
    printf("%zu\n", len);
    fwrite(data, 1, len, stdout);
    putchar('\n');
}

static void failure(int status) {
    const char* err = mg_last_error();
    printf("E%d %s\n", status, mg_status_name(status));
    frame(err, strlen(err));
}

/* The answer of a function with a char** output, as the bindings give it: the text when the
 * status is MG_OK or a refusal with an answer written, else the failure. */
static void answer(int status, char* out) {
    if (status < 0 || !out)
        failure(status);
    else
        frame(out, strlen(out));
    mg_free(out);
}

/* Evaluates the call before reading `out` (a function's arguments have no order). */
#define ANSWER(call)                                                                               \
    do {                                                                                           \
        const int status_ = (call);                                                                \
        answer(status_, out);                                                                      \
    } while (0)

static void check(int status) {
    if (status == MG_OK)
        frame("ok", 2);
    else
        failure(status);
}

static char* read_file(const char* path, size_t* len) {
    FILE* f = fopen(path, "rb");
    char* data = NULL;
    size_t cap = 0, n = 0, got;
    if (!f) {
        perror(path);
        exit(2);
    }
    do {
        if (n == cap && !(data = realloc(data, cap = cap ? 2 * cap : 1 << 20))) exit(2);
        got = fread(data + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    data[n] = '\0'; /* the loop leaves n < cap */
    *len = n;
    return data;
}

static mg_engine* engine(const char* master, const char* categories) {
    mg_engine* e = NULL;
    if (mg_engine_new(&e) != MG_OK || mg_engine_load_directory(e, master) != MG_OK ||
        (strcmp(categories, "-") != 0 && mg_engine_load_categories(e, categories) != MG_OK)) {
        fprintf(stderr, "native_driver: %s\n", mg_last_error());
        exit(2);
    }
    return e;
}

static int compare(int argc, char** argv) {
    for (int i = 0; i + 2 < argc; i += 3) {
        mg_engine* e = engine(argv[i], argv[i + 1]);
        size_t len, at = 0;
        char* input = read_file(argv[i + 2], &len);
        while (at < len) {
            char* end = NULL;
            size_t n = strtoul(input + at, &end, 10);
            const char* req = end + 1;
            char* response = NULL;
            if (*end != '\n' || (size_t)(req - input) + n >= len || req[n] != '\n') {
                fprintf(stderr, "native_driver: %s: bad frame at byte %zu\n", argv[i + 2], at);
                return 2;
            }
            const int status = mg_plan_json(e, req, n, &response);
            answer(status, response);
            at = (size_t)(req - input) + n + 1;
        }
        free(input);
        mg_engine_free(e);
    }
    return 0;
}

static int answers(const char* master, const char* categories, const char* bad, const char* missing,
                   const char* cp932) {
    mg_engine* e = engine(master, categories);
    mg_engine* fresh = NULL;
    char* out = NULL;
    char text[32];
    size_t len;
    char* bytes;
    int64_t seconds = 0;
    for (int lang = MG_LANG_JA; lang <= MG_LANG_EN; ++lang) {
        ANSWER(mg_guide_json(lang, &out));
        ANSWER(mg_web_texts_json(lang, &out));
        ANSWER(mg_transitions_dot(lang, &out));
        ANSWER(mg_directory_dot(e, lang, &out));
        ANSWER(mg_directory_json(e, NULL, "13", NULL, lang, &out));
        ANSWER(mg_directory_json(e, "chiyoda", NULL, NULL, lang, &out));
        ANSWER(mg_association_json(e, "13-chiyoda", lang, &out));
        ANSWER(mg_guide_categories_json(e, "change.transfer", "13-chiyoda", MG_LEVELS_ALL,
                                        "28-kobe", 0, lang, &out));
        ANSWER(mg_support_json(e, 1798592400, lang, &out));    /* 2026-12-30 11:00 JST */
        ANSWER(mg_support_json(NULL, 1799024400, lang, &out)); /* 2027-01-04 11:00 JST */
        ANSWER(mg_holidays_json(2026, lang, &out));
        for (int mypage = MG_MYPAGE_YES; mypage <= MG_MYPAGE_UNKNOWN; ++mypage)
            ANSWER(mg_mypage_step_json(mypage, lang, &out));
    }
    /* failures: what each says */
    ANSWER(mg_association_json(e, "99-nowhere", MG_LANG_EN, &out));
    ANSWER(mg_guide_categories_json(e, "nowhere", NULL, 0, NULL, 0, MG_LANG_EN, &out));
    ANSWER(mg_directory_json(e, NULL, "99", NULL, MG_LANG_EN, &out));
    ANSWER(mg_holidays_json(1999, MG_LANG_EN, &out));
    ANSWER(mg_guide_json(7, &out));
    ANSWER(mg_support_json(e, 5000000000, MG_LANG_EN, &out));
    /* instants */
    if (mg_parse_instant("2026-12-30T11:00:00+09:00", &seconds) == MG_OK) {
        snprintf(text, sizeof text, "%lld", (long long)seconds);
        frame(text, strlen(text));
    } else
        failure(-100);
    check(mg_parse_instant("30 December", &seconds));
    /* loads: a refused master (file and bytes), a missing file, then the master's bytes */
    if (mg_engine_new(&fresh) != MG_OK) return 2;
    check(mg_engine_load_directory(fresh, bad));
    ANSWER(mg_last_load_error_json(MG_LANG_EN, &out));
    bytes = read_file(bad, &len);
    check(mg_engine_load_directory_buffer(fresh, bytes, len));
    ANSWER(mg_last_load_error_json(MG_LANG_JA, &out));
    free(bytes);
    check(mg_engine_load_directory(fresh, missing));
    ANSWER(mg_last_load_error_json(MG_LANG_EN, &out));
    check(mg_engine_load_categories(fresh, missing));
    bytes = read_file(master, &len);
    check(mg_engine_load_directory_buffer(fresh, bytes, len));
    free(bytes);
    bytes = read_file(categories, &len);
    check(mg_engine_load_categories_buffer(fresh, bytes, len));
    free(bytes);
    ANSWER(mg_directory_json(fresh, NULL, "13", NULL, MG_LANG_EN, &out));
    check(mg_engine_set_encoding(fresh, 9));
    check(mg_engine_set_year_end(fresh, 12, 28, 1, 5));
    ANSWER(mg_support_json(fresh, 1798419600, MG_LANG_EN, &out)); /* 2026-12-28 11:00 JST */
    check(mg_engine_set_year_end(fresh, 13, 1, 1, 5));
    mg_engine_free(fresh);
    /* the notices of a load (size_t out and in): a CP932 master, read as such, then refused */
    if (mg_engine_new(&fresh) != MG_OK) return 2;
    check(mg_engine_load_directory(fresh, cp932));
    for (int lang = MG_LANG_JA; lang <= MG_LANG_EN; ++lang) {
        const size_t n = mg_engine_notice_count(fresh);
        snprintf(text, sizeof text, "%zu", n);
        frame(text, strlen(text));
        for (size_t i = 0; i < n; ++i) {
            const char* notice = mg_engine_notice(fresh, i, lang);
            frame(notice, strlen(notice));
        }
    }
    check(mg_engine_set_encoding(fresh, MG_ENCODING_UTF8));
    check(mg_engine_load_directory(fresh, cp932));
    mg_engine_free(fresh);
    mg_engine_free(e);
    /* names */
    frame(mg_version(), strlen(mg_version()));
    snprintf(text, sizeof text, "%d", mg_version_number());
    frame(text, strlen(text));
    for (int status = -10; status <= 15; ++status)
        frame(mg_status_name(status), strlen(mg_status_name(status)));
    return 0;
}

int main(int argc, char** argv) {
    int rc = 2;
#ifdef _WIN32
    _setmode(_fileno(stdout), _O_BINARY); /* the frames' bytes, not "\r\n" (tests/windows) */
#endif
    if (argc > 1 && strcmp(argv[1], "compare") == 0 && argc >= 5 && (argc - 2) % 3 == 0)
        rc = compare(argc - 2, argv + 2);
    else if (argc == 7 && strcmp(argv[1], "answers") == 0)
        rc = answers(argv[2], argv[3], argv[4], argv[5], argv[6]);
    else
        fprintf(stderr, "usage: native_driver compare (MASTER CATEGORIES|- REQUESTS)... | "
                        "answers MASTER CATEGORIES BAD_MASTER MISSING_FILE CP932_MASTER\n");
    if (fflush(stdout) != 0) return 2;
    return rc;
}
