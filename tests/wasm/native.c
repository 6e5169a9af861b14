/* SPDX-FileCopyrightText: 2026 The mamisguide authors */
/* SPDX-License-Identifier: Apache-2.0 */
/* The native side of the WebAssembly package's comparisons and benchmark, through
 * libmamisguide.so: JSON Lines through mg_plan_json, one call per line (not a batch: no "line"
 * field), the loaders, and every other JSON answer.
 *
 *   native [--sample] [--master F] [--categories F] [--master-buffer F]
 *              [--categories-buffer F] [--encoding auto|utf-8|cp932] [--lang ja|en] [MODE] [FILE|-]
 *     --sample, --master, --categories: the engine (the bundled sample master, files by path);
 *     --*-buffer: a file's bytes through mg_engine_load_*_buffer, as the JavaScript package loads
 *     them; a refused load prints mg_last_load_error_json (in --lang) and exits 3
 *     (no MODE)      each response and a newline, on standard output
 *     --describe     what the loads noticed ("notices N", then one per line) and
 *                    mg_directory_json of the whole directory, instead of planning
 *     --digest N     per block of N lines, "block lines bytes fnv" (FNV-1a 32-bit, by words, over
 * the responses, each followed by a newline), on standard output
 *     --call F ARGS  one JSON answer, after the loads: "status N" and the text on standard output
 *                    (ARGS as the function takes them, "-" for NULL):
 *                      guide LANG | web_texts LANG | mypage_step MYPAGE LANG | holidays YEAR LANG
 *                      | support UNIX_SECONDS LANG | parse_instant TEXT | directory TEXT PREF CODE
 * LANG | association CODE LANG | guide_categories LEAF MEMBER MEMBER_LEVELS MUNICIPAL LEVELS LANG
 *                    (LANG, MYPAGE, levels as the C ABI's numbers)
 *     --time R       mg_plan_json over all lines, R rounds: {"lines", "best_ns_per_line",
 *                    "median_ns_per_line"} (CPU time of this thread, best and median round)
 *
 * A line is what lies between newlines, as given (a CR stays: mg_plan_json refuses it as the
 * JavaScript caller's does). The last line needs no newline. */
#define _POSIX_C_SOURCE 200809L /* getline, clock_gettime */
#include <mamisguide.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>

static void die(const char* what, int status) {
    fprintf(stderr, "native: %s: %s (%s)\n", what, mg_status_name(status), mg_last_error());
    exit(2);
}

/* FNV-1a over 32-bit little-endian words, the last 0-3 bytes one by one (tests/wasm/common.mjs's
 * fnv: the same function). */
static uint32_t fnv(uint32_t h, const char* p, size_t n) {
    const unsigned char* b = (const unsigned char*)p;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        h ^= (uint32_t)b[i] | (uint32_t)b[i + 1] << 8 | (uint32_t)b[i + 2] << 16 |
             (uint32_t)b[i + 3] << 24;
        h *= 16777619u;
    }
    for (; i < n; ++i) {
        h ^= b[i];
        h *= 16777619u;
    }
    return h;
}

static double cpu_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int by_value(const void* a, const void* b) {
    const double x = *(const double*)a, y = *(const double*)b;
    return (x > y) - (x < y);
}

/* The whole input (the timing mode keeps every line in memory). */
static char* read_all(FILE* f, size_t* len) {
    size_t cap = 1 << 20, n = 0;
    char* buf = malloc(cap);
    size_t got;
    if (!buf) exit(2);
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            if (!buf) exit(2);
        }
    }
    *len = n;
    return buf;
}

/* Reads a file into memory (NUL-terminated, for mg_engine_load_*_buffer). */
static char* read_file(const char* path, size_t* len) {
    FILE* f = fopen(path, "rb");
    char* data;
    if (!f) {
        perror(path);
        exit(2);
    }
    data = read_all(f, len);
    fclose(f);
    return data;
}

static const char* arg(char** argv, int i) {
    return strcmp(argv[i], "-") ? argv[i] : NULL;
}

/* --call: one of the JSON functions, printed as "status N" and the text. */
static int call(mg_engine* e, char** a, int n) {
    char* out = NULL;
    int st;
    const char* f = a[0];
#define NEED(k)                                                                                    \
    if (n != (k) + 1) {                                                                            \
        fprintf(stderr, "native: --call %s takes %d arguments\n", f, k);                           \
        return 2;                                                                                  \
    }
    if (!strcmp(f, "guide")) {
        NEED(1) st = mg_guide_json(atoi(a[1]), &out);
    } else if (!strcmp(f, "web_texts")) {
        NEED(1) st = mg_web_texts_json(atoi(a[1]), &out);
    } else if (!strcmp(f, "mypage_step")) {
        NEED(2) st = mg_mypage_step_json(atoi(a[1]), atoi(a[2]), &out);
    } else if (!strcmp(f, "holidays")) {
        NEED(2) st = mg_holidays_json(atoi(a[1]), atoi(a[2]), &out);
    } else if (!strcmp(f, "support")) {
        NEED(2) st = mg_support_json(e, strtoll(a[1], NULL, 10), atoi(a[2]), &out);
    } else if (!strcmp(f, "parse_instant")) {
        int64_t t = 0;
        NEED(1) st = mg_parse_instant(arg(a, 1), &t);
        printf("status %d\n%lld\n", st, (long long)t);
        return 0;
    } else if (!strcmp(f, "directory")) {
        NEED(4) st = mg_directory_json(e, arg(a, 1), arg(a, 2), arg(a, 3), atoi(a[4]), &out);
    } else if (!strcmp(f, "association")) {
        NEED(2) st = mg_association_json(e, arg(a, 1), atoi(a[2]), &out);
    } else if (!strcmp(f, "guide_categories")) {
        NEED(6)
        st = mg_guide_categories_json(e, arg(a, 1), arg(a, 2), (unsigned)atoi(a[3]), arg(a, 4),
                                      (unsigned)atoi(a[5]), atoi(a[6]), &out);
    } else {
        fprintf(stderr, "native: --call %s: no such function\n", f);
        return 2;
    }
#undef NEED
    printf("status %d\n%s\n", st, out ? out : mg_last_error());
    mg_free(out);
    return 0;
}

static char notices[64][1024];
static int n_notices = 0;

/* A load's status: the notices kept, a refusal printed as mg_last_load_error_json (exit 3). */
static void loaded(mg_engine* e, int st, const char* what, int lang) {
    size_t i, n = mg_engine_notice_count(e);
    for (i = 0; i < n && n_notices < 64; ++i)
        snprintf(notices[n_notices++], sizeof notices[0], "%s", mg_engine_notice(e, i, lang));
    if (st == MG_ERR_LOAD || st == MG_ERR_IO) {
        char* json = NULL;
        if (mg_last_load_error_json(lang, &json) != MG_OK) die(what, st);
        printf("%s\n", json);
        mg_free(json);
        exit(3);
    }
    if (st != MG_OK) die(what, st);
}

int main(int argc, char** argv) {
    const char *master = NULL, *categories = NULL, *file = NULL;
    const char *master_buffer = NULL, *categories_buffer = NULL;
    char** call_args = NULL;
    int n_call = 0;
    int sample = 0, describe = 0, encoding = MG_ENCODING_AUTO, lang = MG_LANG_JA;
    long digest = 0, rounds = 0;
    mg_engine* e = NULL;
    int st;
    FILE* in = stdin;
    for (int i = 1; i < argc; ++i) {
        if (!strcmp(argv[i], "--master") && i + 1 < argc)
            master = argv[++i];
        else if (!strcmp(argv[i], "--categories") && i + 1 < argc)
            categories = argv[++i];
        else if (!strcmp(argv[i], "--master-buffer") && i + 1 < argc)
            master_buffer = argv[++i];
        else if (!strcmp(argv[i], "--categories-buffer") && i + 1 < argc)
            categories_buffer = argv[++i];
        else if (!strcmp(argv[i], "--encoding") && i + 1 < argc) {
            ++i;
            encoding = !strcmp(argv[i], "cp932")   ? MG_ENCODING_CP932
                       : !strcmp(argv[i], "utf-8") ? MG_ENCODING_UTF8
                                                   : MG_ENCODING_AUTO;
        } else if (!strcmp(argv[i], "--lang") && i + 1 < argc)
            lang = !strcmp(argv[++i], "en") ? MG_LANG_EN : MG_LANG_JA;
        else if (!strcmp(argv[i], "--sample"))
            sample = 1;
        else if (!strcmp(argv[i], "--describe"))
            describe = 1;
        else if (!strcmp(argv[i], "--call") && i + 1 < argc) {
            call_args = argv + i + 1;
            n_call = argc - i - 1;
            break;
        } else if (!strcmp(argv[i], "--digest") && i + 1 < argc)
            digest = atol(argv[++i]);
        else if (!strcmp(argv[i], "--time") && i + 1 < argc)
            rounds = atol(argv[++i]);
        else if (argv[i][0] != '-' || !strcmp(argv[i], "-"))
            file = argv[i];
        else {
            fprintf(stderr, "usage: native [--master F] [--categories F] [--sample] "
                            "[--digest N | --time R] [FILE|-]\n");
            return 2;
        }
    }
    if ((st = mg_engine_new(&e)) != MG_OK) die("mg_engine_new", st);
    if ((st = mg_engine_set_encoding(e, encoding)) != MG_OK) die("mg_engine_set_encoding", st);
    if (sample && (st = mg_engine_load_sample(e)) != MG_OK) die("mg_engine_load_sample", st);
    if (master) loaded(e, mg_engine_load_directory(e, master), master, lang);
    if (master_buffer) {
        size_t len;
        char* data = read_file(master_buffer, &len);
        loaded(e, mg_engine_load_directory_buffer(e, data, len), master_buffer, lang);
        free(data);
    }
    if (categories) loaded(e, mg_engine_load_categories(e, categories), categories, lang);
    if (categories_buffer) {
        size_t len;
        char* data = read_file(categories_buffer, &len);
        loaded(e, mg_engine_load_categories_buffer(e, data, len), categories_buffer, lang);
        free(data);
    }
    if (call_args) {
        st = call(e, call_args, n_call);
        mg_engine_free(e);
        return st;
    }
    if (describe) {
        char* json = NULL;
        printf("notices %d\n", n_notices);
        for (int i = 0; i < n_notices; ++i) printf("%s\n", notices[i]);
        if ((st = mg_directory_json(e, NULL, NULL, NULL, lang, &json)) != MG_OK)
            die("mg_directory_json", st);
        printf("%s\n", json);
        mg_free(json);
        mg_engine_free(e);
        return 0;
    }
    if (file && strcmp(file, "-") && !(in = fopen(file, "rb"))) {
        perror(file);
        return 2;
    }

    if (rounds > 0) {
        size_t len = 0, n = 0, at = 0;
        char* all = read_all(in, &len);
        size_t* starts;
        double* per_round = calloc((size_t)rounds, sizeof(double));
        for (size_t i = 0; i < len; ++i) n += all[i] == '\n';
        if (len && all[len - 1] != '\n') ++n;
        starts = malloc((n + 1) * sizeof *starts);
        if (!starts || !per_round) return 2;
        for (size_t i = 0, k = 0; k < n; ++k) {
            starts[k] = i;
            while (i < len && all[i] != '\n') ++i;
            ++i;
        }
        starts[n] = len + 1;
        for (long r = 0; r < rounds; ++r) {
            const double t0 = cpu_ns();
            for (size_t k = 0; k < n; ++k) {
                char* out = NULL;
                mg_plan_json(e, all + starts[k], starts[k + 1] - 1 - starts[k], &out);
                at += out ? (size_t)(unsigned char)out[0] : 0; /* used, so not optimized out */
                mg_free(out);
            }
            per_round[r] = (cpu_ns() - t0) / (double)n;
        }
        qsort(per_round, (size_t)rounds, sizeof(double), by_value);
        printf("{\"lines\":%zu,\"rounds\":%ld,\"best_ns_per_line\":%.1f,"
               "\"median_ns_per_line\":%.1f,\"check\":%zu}\n",
               n, rounds, per_round[0], per_round[rounds / 2], at);
        free(all);
        free(starts);
        free(per_round);
        mg_engine_free(e);
        return 0;
    }

    {
        size_t cap = 0, lines = 0, bytes = 0, block = 0;
        char* line = NULL;
        uint32_t h = 2166136261u;
        ssize_t got;
        while ((got = getline(&line, &cap, in)) >= 0) {
            char* out = NULL;
            size_t len = (size_t)got;
            if (len && line[len - 1] == '\n') --len;
            mg_plan_json(e, line, len, &out);
            if (!out) die("mg_plan_json", MG_ERR_NOMEM);
            if (digest) {
                const size_t n = strlen(out);
                h = fnv(fnv(h, out, n), "\n", 1);
                bytes += n + 1;
                if (++lines == (size_t)digest) {
                    printf("%zu %zu %zu %08x\n", block++, lines, bytes, (unsigned)h);
                    lines = bytes = 0;
                    h = 2166136261u;
                }
            } else {
                fputs(out, stdout);
                putchar('\n');
            }
            mg_free(out);
        }
        if (digest && lines) printf("%zu %zu %zu %08x\n", block, lines, bytes, (unsigned)h);
        free(line);
    }
    if (in != stdin) fclose(in);
    mg_engine_free(e);
    return fflush(stdout) == 0 ? 0 : 2;
}
