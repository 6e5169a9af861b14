/* SPDX-FileCopyrightText: 2026 The mamisguide authors */
/* SPDX-License-Identifier: Apache-2.0 */
/* A program built as MSVC builds one, against the zip's mamisguide.h and mamisguide.lib:
 * tests/windows/run_windows.py compiles it with clang for the x86_64-pc-windows-msvc target
 * (_MSC_VER, no __GNUC__: the header's dllimport side, MSVC's layout of the structs) and links it
 * with lld-link, Microsoft's linker's twin, against mamisguide.lib alone and a kernel32.lib of
 * three functions (no C runtime: Microsoft's is not here). It does what README's C snippet does,
 * and writes what it prints: the same lines, compared with the native snippet's.
 *
 * MASTER: the master's path, defined on the command line. */
#include <mamisguide.h>

#if !defined(_MSC_VER) || defined(__GNUC__)
#error "msvc_consumer.c is compiled as MSVC compiles (clang --target=x86_64-pc-windows-msvc)"
#endif

__declspec(dllimport) void* __stdcall GetStdHandle(unsigned long which);
__declspec(dllimport) int __stdcall WriteFile(void* file, const void* data, unsigned long size,
                                              unsigned long* written, void* overlapped);
__declspec(dllimport) __declspec(noreturn) void __stdcall ExitProcess(unsigned code);

/* What the compiler may call for the structs' initializers, without a C runtime. */
void* memset(void* to, int c, size_t n);
void* memset(void* to, int c, size_t n) {
    unsigned char* p = (unsigned char*)to;
    while (n--) *p++ = (unsigned char)c;
    return to;
}
void* memcpy(void* to, const void* from, size_t n);
void* memcpy(void* to, const void* from, size_t n) {
    unsigned char* p = (unsigned char*)to;
    const unsigned char* q = (const unsigned char*)from;
    while (n--) *p++ = *q++;
    return to;
}
int _fltused = 0;

static size_t length(const char* s) {
    size_t n = 0;
    while (s[n]) ++n;
    return n;
}

static void say(void* to, const char* s) {
    unsigned long written = 0;
    WriteFile(to, s, (unsigned long)length(s), &written, 0);
}

void start(void);
void start(void) {
    void* out = GetStdHandle((unsigned long)-11); /* STD_OUTPUT_HANDLE */
    void* err = GetStdHandle((unsigned long)-12); /* STD_ERROR_HANDLE */
    const char* json = "{\"member\":{\"municipal\":\"13-chiyoda\",\"levels\":[\"municipal\","
                       "\"prefectural\",\"national\"]},\"request\":{\"operation\":\"withdraw\","
                       "\"levels\":[\"national\"]}}";
    mg_engine* e = 0;
    mg_member m = MG_MEMBER_INIT;
    mg_result r = MG_RESULT_INIT;
    char* response = 0;
    int st = mg_engine_new(&e);
    if (st == MG_OK) st = mg_engine_load_directory(e, MASTER);
    if (st != MG_OK) {
        say(err, mg_status_name(st));
        say(err, ": ");
        say(err, mg_last_error());
        say(err, "\n");
        mg_engine_free(e);
        ExitProcess(2);
    }
    st = mg_plan_json(e, json, length(json), &response);
    say(out, mg_status_name(st));
    say(out, " ");
    say(out, response ? response : mg_last_error());
    say(out, "\n");
    mg_free(response);

    m.municipal = "13-chiyoda";
    m.levels = MG_LEVELS_ALL;
    st = mg_withdraw(e, &m, MG_LEVEL_MUNICIPAL, 0, 0, MG_LANG_EN, &r);
    if (st > 0) {
        say(out, r.refusal.code_name);
        say(out, ": ");
        say(out, r.refusal.message);
        say(out, "\n");
    } else {
        say(err, "expected a refusal\n");
        st = -1;
    }
    mg_engine_free(e);
    ExitProcess(st < 0 ? 2 : 0);
}
