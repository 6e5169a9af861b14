/* SPDX-FileCopyrightText: 2026 The mamisguide authors */
/* SPDX-License-Identifier: Apache-2.0 */
/* mamisguide.dll under wine: a path given to the C ABI is UTF-8, as on every platform, and opens
 * whatever the system's ANSI code page (tests/windows/run_windows.py runs this with code page
 * 1252, which holds none of these names): Japanese names, a name with characters of no ANSI code
 * page at all, a missing file named in Japanese (its UTF-8 name in the message), a name that is
 * not UTF-8 (refused, not guessed).
 *
 *   test_paths MASTER CATEGORIES SCRATCH_DIR      (ASCII paths) */
#include <mamisguide.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <windows.h>

static int failures = 0;
#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "FAIL line %d: %s (last error: %s)\n", __LINE__, #cond,                \
                    mg_last_error());                                                              \
            ++failures;                                                                            \
        }                                                                                          \
    } while (0)

static char* slurp(const char* path, size_t* len) {
    FILE* f = fopen(path, "rb");
    char* data = malloc(1 << 20);
    if (!f || !data) {
        perror(path);
        exit(2);
    }
    *len = fread(data, 1, 1 << 20, f);
    fclose(f);
    return data;
}

/* Writes `data` to a file named by a UTF-16 path (how another Windows program would make it). */
static void write_wide(const wchar_t* path, const char* data, size_t len) {
    FILE* f = _wfopen(path, L"wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
        fprintf(stderr, "cannot write %ls\n", path);
        exit(2);
    }
}

static wchar_t* widen(const char* s) {
    static wchar_t buf[1024];
    if (!MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, s, -1, buf, 1024)) exit(2);
    return buf;
}

int main(int argc, char** argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: test_paths MASTER CATEGORIES SCRATCH_DIR\n");
        return 2;
    }
    size_t master_len, categories_len, n = 0;
    char* master = slurp(argv[1], &master_len);
    char* categories = slurp(argv[2], &categories_len);
    char dir[512], file[768], cats[768], other[768], missing[768];
    mg_engine* e = NULL;

    printf("ANSI code page %u\n", GetACP());
    /* UTF-8 names: a folder and files in Japanese, one in Korean with an emoji (no ANSI code
     * page holds both) */
    snprintf(dir, sizeof dir, "%s/会員名簿 2026", argv[3]);
    snprintf(file, sizeof file, "%s/千代田区医師会一覧.csv", dir);
    snprintf(cats, sizeof cats, "%s/区分（会員種別）.csv", dir);
    snprintf(other, sizeof other, "%s/명부-\xF0\x9F\x98\x80.csv", dir);
    snprintf(missing, sizeof missing, "%s/存在しない名簿.csv", dir);
    CreateDirectoryW(widen(argv[3]), NULL);
    CreateDirectoryW(widen(dir), NULL);
    write_wide(widen(file), master, master_len);
    write_wide(widen(cats), categories, categories_len);
    write_wide(widen(other), master, master_len);

    CHECK(mg_engine_new(&e) == MG_OK);
    CHECK(mg_engine_load_directory(e, file) == MG_OK);
    CHECK(mg_association_count(e, &n) == MG_OK && n > 51);
    CHECK(mg_engine_load_categories(e, cats) == MG_OK);
    mg_engine_free(e);

    e = NULL;
    CHECK(mg_engine_new(&e) == MG_OK);
    CHECK(mg_engine_load_directory(e, other) == MG_OK);
    /* a missing file: MG_ERR_IO, its name as given (UTF-8) in the message */
    CHECK(mg_engine_load_directory(e, missing) == MG_ERR_IO);
    CHECK(strstr(mg_last_error(), "存在しない名簿.csv") != NULL);
    /* a folder is not a master */
    CHECK(mg_engine_load_directory(e, dir) == MG_ERR_IO);
    /* not UTF-8 (these are the CP932 bytes of 名簿.csv): refused, never read as another code
     * page */
    CHECK(mg_engine_load_directory(e, "\x96\xBC\x95\xEB.csv") == MG_ERR_IO);
    CHECK(mg_engine_load_categories(e, "\xFF.csv") == MG_ERR_IO);
    mg_engine_free(e);

    free(master);
    free(categories);
    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("test_paths: every UTF-8 name opened, the others refused\n");
    return 0;
}
