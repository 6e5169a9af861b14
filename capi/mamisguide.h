/* SPDX-FileCopyrightText: 2026 The mamisguide authors */
/* SPDX-License-Identifier: Apache-2.0 */
/*
 * mamisguide — the C ABI.
 *
 * The MAMIS (医師会会員情報システム) application rules behind a small, stable C interface:
 * give a member and a request, get an exact plan (which form, which boxes, which categories,
 * which steps) or a refusal with a stable code. C99, UTF-8 strings throughout.
 *
 * Conventions (after libgit2 and SQLite):
 *   - Every function returns an int status: MG_OK (0), a refusal code (1…14, rules.md §7), or
 *     a negative error (MG_ERR_*). Numbers are never reused or renumbered.
 *   - Output goes through pointer arguments, written last; a NULL pointer where one is needed
 *     gives MG_ERR_ARGUMENT, never a crash.
 *   - mg_last_error() describes the last failure on the calling thread; never NULL. Most
 *     functions clear it when they start; the typed planning functions (mg_plan, mg_join, …)
 *     leave it untouched when they succeed, so read it only after a failure.
 *   - What the library allocates (char ** outputs) is freed with mg_free(); engines with
 *     mg_engine_free(). Both accept NULL.
 *   - Strings in result structs point into the engine, into the library's static tables or into
 *     the strings you passed in: valid while those live; do not free them.
 *   - An engine is immutable once loaded: plan from any number of threads at once. Loading
 *     (mg_engine_load_*) is the only mutation and must not run concurrently with other use of
 *     the same engine.
 *   - No C++ exception ever crosses this interface.
 *   - Out of memory is an answer, never an abort (docs/hardening.md): any function that
 *     allocates returns MG_ERR_NOMEM when an allocation fails, with its outputs NULL, its engine
 *     unchanged (a load is all or nothing) and mg_last_error() "out of memory" (from static
 *     storage); the same call may succeed once memory is back. The typed planning functions
 *     (mg_plan, mg_join, …) allocate nothing. The library keeps no thread_local storage (glibc
 *     would allocate it on a thread's first call, and abort the process if it could not).
 *
 * The 1.x ABI (docs/abi.md): libmamisguide.so.1, every symbol versioned MAMISGUIDE_1.0 (later
 * 1.x versions add nodes, never change these). Every struct you pass or receive at the top
 * level starts with `unsigned version`: initialize it with its MG_*_INIT macro (the rest is
 * zero). A 1.x library accepts every version up to its own and writes or reads only the fields
 * of the version you gave, so a program built against 1.0 keeps working against every 1.x; a
 * version it does not know (0, or newer than the library) gives MG_ERR_VERSION. New fields only
 * ever come at the end of a top-level struct; the structs embedded in another (mg_plan_info,
 * mg_refusal_info, mg_category_info, mg_note_info, mg_state_info, and the mg_request and
 * mg_association_info inside a result) keep their 1.0 layout for the whole of 1.x.
 */
#ifndef MAMISGUIDE_H
#define MAMISGUIDE_H

#include <stddef.h>
#include <stdint.h>

/* The project's version; CMake refuses to configure when these disagree with project(), and
 * test_capi_c checks them against mg_version() at run time. */
#define MG_VERSION_MAJOR 1
#define MG_VERSION_MINOR 1
#define MG_VERSION_PATCH 0
#define MG_VERSION_STRING "1.1.0"
/* Comparable: major * 1000000 + minor * 1000 + patch. */
#define MG_VERSION_NUMBER (MG_VERSION_MAJOR * 1000000 + MG_VERSION_MINOR * 1000 + MG_VERSION_PATCH)

/* MG_API marks what the library exports. Windows (MSVC, MinGW): dllexport while the library is
 * built (capi/CMakeLists.txt defines MG_BUILDING), dllimport for its users, nothing for users
 * of the static library (define MG_STATIC; CMake's mamisguide::capi_static does). GCC and Clang
 * elsewhere: default visibility (the library is built with -fvisibility=hidden). Any other
 * compiler: nothing. */
#if defined(_WIN32) || defined(__CYGWIN__)
#if defined(MG_BUILDING)
#define MG_API __declspec(dllexport)
#elif defined(MG_STATIC)
#define MG_API
#else
#define MG_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#define MG_API __attribute__((visibility("default")))
#else
#define MG_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- statuses ---------------------------------------------------------------------------- */
#define MG_OK 0
/* refusals: the codes of rules.md §7 */
#define MG_INVALID_REQUEST 1
#define MG_UNKNOWN_ASSOCIATION 2
#define MG_LEVEL_MISMATCH 3
#define MG_INVALID_STATE 4
#define MG_NOT_A_MEMBER 5
#define MG_ALREADY_MEMBER 6
#define MG_LEVEL_NOT_HELD 7
#define MG_LEVEL_ALREADY_HELD 8
#define MG_ILLEGAL_LEVELS 9
#define MG_SAME_ASSOCIATION 10
#define MG_CATEGORY_REQUIRED 11
#define MG_UNKNOWN_CATEGORY 12
#define MG_CATEGORY_UNCHANGED 13
#define MG_NO_CATEGORY 14
/* errors */
#define MG_ERR_ARGUMENT (-1) /* a NULL pointer or an out-of-range argument */
#define MG_ERR_IO (-2)       /* a file could not be read */
#define MG_ERR_LOAD (-3)     /* a master or catalogue was refused: see mg_last_error() */
#define MG_ERR_NOMEM (-4)    /* out of memory */
#define MG_ERR_RANGE (-5)    /* a date outside 2000-2099 (holidays, support desk) */
#define MG_ERR_PARSE (-6)    /* a date-time that is not ISO 8601 with an offset */
#define MG_ERR_BUFFER (-7)   /* an output buffer too small; the size needed is reported */
#define MG_ERR_INTERNAL (-8) /* a bug: please report it with mg_last_error() */
#define MG_ERR_VERSION (-9)  /* a struct's version is 0 or newer than this library knows */

/* ---- enumerations ------------------------------------------------------------------------ */
/* levels are bits, so a set of levels is an unsigned */
#define MG_LEVEL_MUNICIPAL 1u
#define MG_LEVEL_PREFECTURAL 2u
#define MG_LEVEL_NATIONAL 4u
#define MG_LEVELS_ALL 7u
/* index of a level in the categories[3] arrays */
#define MG_IDX_MUNICIPAL 0
#define MG_IDX_PREFECTURAL 1
#define MG_IDX_NATIONAL 2

#define MG_OP_JOIN 0
#define MG_OP_ADDITIONAL_JOIN 1
#define MG_OP_CHANGE_CATEGORY 2
#define MG_OP_CHANGE_FACILITY 3
#define MG_OP_TRANSFER 4
#define MG_OP_WITHDRAW 5

#define MG_MYPAGE_YES 0
#define MG_MYPAGE_NO 1
#define MG_MYPAGE_UNKNOWN 2

#define MG_LANG_JA 0
#define MG_LANG_EN 1

#define MG_FORM_ADMISSION 0  /* 入会届 */
#define MG_FORM_TRANSFER 1   /* 異動届 */
#define MG_FORM_WITHDRAWAL 2 /* 退会届 */

#define MG_SELECTION_NONE 0
#define MG_SELECTION_NEW 1
#define MG_SELECTION_ADDITIONAL 2
#define MG_SELECTION_CATEGORY_CHANGE 3
#define MG_SELECTION_ASSOCIATION_TRANSFER 4

#define MG_ACTOR_MEMBER 0
#define MG_ACTOR_SECRETARIAT 1

#define MG_PREREQ_USER_REGISTRATION 0
#define MG_PREREQ_MYPAGE_CHECK 1

#define MG_NOTE_CASCADE_APPLIED 0
#define MG_NOTE_PREFECTURAL_MOVES 1
#define MG_NOTE_PREFECTURAL_STAYS 2
#define MG_NOTE_NATIONAL_CONTINUES 3
#define MG_NOTE_CATEGORY_UNCHECKED 4
#define MG_NOTE_PROXY 5
#define MG_NOTE_CATEGORY_IGNORED 6

#define MG_ROLE_FOUNDER_MANAGER 0 /* 開設者・管理者 */
#define MG_ROLE_RESIDENT 1        /* 研修医 */
#define MG_ROLE_OTHER 2

#define MG_DESK_OPEN 0
#define MG_DESK_AFTER_HOURS 1
#define MG_DESK_WEEKEND 2
#define MG_DESK_HOLIDAY 3
#define MG_DESK_YEAR_END 4

/* ---- struct versions (the `version` first member; see the top of this file) --------------- */
#ifndef MG_ABI_TEST_NEXT
#define MG_MEMBER_VERSION 1
#define MG_RESULT_VERSION 1
#else /* tests/capi/test_abi_next: the two structs as a later 1.x could grow them */
#define MG_MEMBER_VERSION 2
#define MG_RESULT_VERSION 2
#endif
#define MG_REQUEST_VERSION 1
#define MG_ASSOCIATION_INFO_VERSION 1
#define MG_PREREQUISITE_INFO_VERSION 1
#define MG_SUPPORT_INFO_VERSION 1
#define MG_SUPPORT_CONTACT_VERSION 1
#define MG_HOLIDAY_INFO_VERSION 1

/* Initializers: `mg_result r = MG_RESULT_INIT;` sets the version and zeroes the rest. */
#ifdef __cplusplus
#define MG_STRUCT_INIT_(type, v) (::mg_struct_init_<type>(v))
#else
#define MG_STRUCT_INIT_(type, v)                                                                   \
    { .version = (v) }
#endif
#define MG_MEMBER_INIT MG_STRUCT_INIT_(mg_member, MG_MEMBER_VERSION)
#define MG_REQUEST_INIT MG_STRUCT_INIT_(mg_request, MG_REQUEST_VERSION)
#define MG_RESULT_INIT MG_STRUCT_INIT_(mg_result, MG_RESULT_VERSION)
#define MG_ASSOCIATION_INFO_INIT MG_STRUCT_INIT_(mg_association_info, MG_ASSOCIATION_INFO_VERSION)
#define MG_PREREQUISITE_INFO_INIT                                                                  \
    MG_STRUCT_INIT_(mg_prerequisite_info, MG_PREREQUISITE_INFO_VERSION)
#define MG_SUPPORT_INFO_INIT MG_STRUCT_INIT_(mg_support_info, MG_SUPPORT_INFO_VERSION)
#define MG_SUPPORT_CONTACT_INIT MG_STRUCT_INIT_(mg_support_contact, MG_SUPPORT_CONTACT_VERSION)
#define MG_HOLIDAY_INFO_INIT MG_STRUCT_INIT_(mg_holiday_info, MG_HOLIDAY_INFO_VERSION)

/* ---- types ------------------------------------------------------------------------------- */
typedef struct mg_engine mg_engine;

/* A member as the caller knows them. NULL (or "") strings mean "not given". */
typedef struct mg_member {
    unsigned version;          /* MG_MEMBER_VERSION (MG_MEMBER_INIT) */
    int mypage;                /* MG_MYPAGE_* */
    const char* municipal;     /* required when levels != 0 */
    const char* prefectural;   /* optional cross-check */
    unsigned levels;           /* MG_LEVEL_* bits: 0, 1, 3 or 7 */
    const char* categories[3]; /* current category per level (MG_IDX_*) */
#ifdef MG_ABI_TEST_NEXT
    unsigned next_flags; /* tests/capi/test_abi_next only: a field a later 1.x could append */
#endif
} mg_member;

/* One application. */
typedef struct mg_request {
    unsigned version;          /* MG_REQUEST_VERSION (MG_REQUEST_INIT) */
    int operation;             /* MG_OP_* */
    unsigned levels;           /* join / additional_join / withdraw / change_category */
    const char* municipal;     /* join: to join; transfer: the destination */
    const char* categories[3]; /* per level joined, added, changed or entered */
    const char* reason;        /* 異動事由, free text */
    int cascade;               /* withdraw: widen to the smallest legal withdrawal */
    int proxy;                 /* the secretariat applies on the member's behalf */
} mg_request;

typedef struct mg_association_info {
    unsigned version; /* MG_ASSOCIATION_INFO_VERSION (MG_ASSOCIATION_INFO_INIT) */
    unsigned level;   /* one MG_LEVEL_* bit */
    const char* code;
    const char* name;        /* in the language asked for (Japanese when none in English) */
    const char* parent_code; /* NULL for JMA */
} mg_association_info;

typedef struct mg_category_info {
    unsigned level;
    const char* code;
    const char* label; /* NULL when no catalogue could check the code */
    int checked;       /* 1: a catalogue knows the code */
} mg_category_info;

typedef struct mg_prerequisite_info {
    unsigned version; /* MG_PREREQUISITE_INFO_VERSION (MG_PREREQUISITE_INFO_INIT) */
    int kind;         /* MG_PREREQ_* */
    size_t n_steps;
    const char* steps[4];
    const char* manual;
    int support_desk; /* 1: contact the desk (mg_support_contact) if still unsure */
} mg_prerequisite_info;

typedef struct mg_note_info {
    int kind; /* MG_NOTE_* */
    const char* text;
    unsigned levels;
    const char* association; /* may be NULL */
} mg_note_info;

typedef struct mg_state_info {
    const char* municipal;   /* NULL when no level is held */
    const char* prefectural; /* NULL unless the prefectural level is held */
    unsigned levels;
    const char* categories[3];
} mg_state_info;

typedef struct mg_plan_info {
    int operation;
    int form; /* MG_FORM_* */
    const char* form_label;
    int selection;                 /* MG_SELECTION_* */
    const char* selection_label;   /* NULL on the withdrawal form */
    const char* guide_case;        /* the flowchart's name for this case */
    const char* guide_instruction; /* may be NULL */
    size_t n_checked;
    mg_association_info checked[3]; /* bottom level first */
    size_t n_categories;
    mg_category_info categories[3];
    size_t n_prerequisites;
    mg_prerequisite_info prerequisites[1];
    size_t n_steps;
    const char* steps[8];
    const char* manual;
    int actor; /* MG_ACTOR_* */
    mg_state_info result;
    size_t n_notes;
    mg_note_info notes[8];
    const char* rule;
    const char* reason;
} mg_plan_info;

typedef struct mg_refusal_info {
    int code;              /* MG_INVALID_REQUEST … MG_NO_CATEGORY */
    const char* code_name; /* "illegal_levels" … */
    const char* message;
    const char* field; /* e.g. "request.levels"; may be NULL */
    int has_suggestion;
    mg_request suggestion; /* a request that succeeds, when has_suggestion (version 1) */
    /* What is at fault, named (the JSON response's extra error fields, docs/decisions.md). */
    unsigned levels;                     /* MG_LEVEL_* bits of the levels at fault; 0: none */
    size_t n_associations;               /* the associations at fault, bottom level first */
    mg_association_info associations[3]; /* parent_code is NULL here */
    const char* value;   /* the value at fault (an unknown code or category); may be NULL */
    const char* problem; /* invalid_state: "not_a_chain", "prefectural_mismatch", …; else NULL */
    char text[1024];     /* the message naming them (NUL-terminated UTF-8; message is the
                            static sentence without names) */
} mg_refusal_info;

/* The answer to one request: status MG_OK with plan, or a refusal code with refusal. Only that
 * half is written; in arrays, only the first n_* entries are. */
typedef struct mg_result {
    unsigned version; /* MG_RESULT_VERSION (MG_RESULT_INIT) */
    int status;
    mg_plan_info plan;
    mg_refusal_info refusal;
#ifdef MG_ABI_TEST_NEXT
    int next_status; /* tests/capi/test_abi_next only: a field a later 1.x could append */
#endif
} mg_result;

typedef struct mg_support_info {
    unsigned version; /* MG_SUPPORT_INFO_VERSION (MG_SUPPORT_INFO_INIT) */
    int open;         /* 1 when the desk is open at that instant */
    int reason;       /* MG_DESK_* */
    const char* reason_text;
    const char* holiday;    /* the holiday's name when reason is MG_DESK_HOLIDAY, else NULL */
    int64_t next_open;      /* Unix seconds; the instant itself when open */
    char next_open_iso[32]; /* "YYYY-MM-DDTHH:MM:SS+09:00" */
} mg_support_info;

typedef struct mg_support_contact {
    unsigned version; /* MG_SUPPORT_CONTACT_VERSION (MG_SUPPORT_CONTACT_INIT) */
    const char* name;
    const char* phone;
    const char* mail;
    const char* hours;
} mg_support_contact;

/* In an array: the version of out[0] says the layout of every element. */
typedef struct mg_holiday_info {
    unsigned version; /* MG_HOLIDAY_INFO_VERSION (MG_HOLIDAY_INFO_INIT) */
    int year, month, day;
    const char* name; /* Japanese */
    const char* name_en;
} mg_holiday_info;

/* ---- version and errors ------------------------------------------------------------------ */
MG_API const char* mg_version(void); /* "1.0.0" */
MG_API int mg_version_number(void);  /* MG_VERSION_NUMBER of the library linked */
MG_API const char*
mg_status_name(int status);             /* "ok", "illegal_levels", "io_error", …; never NULL */
MG_API const char* mg_last_error(void); /* thread-local, never NULL ("" when none) */

/* ---- engines ----------------------------------------------------------------------------- */
/* An engine with the built-in directory: JMA and the 47 prefectural associations. */
MG_API int mg_engine_new(mg_engine** out);
MG_API void mg_engine_free(mg_engine* e);
/* Adds the municipal associations of a master: CSV whose header names the columns code, name,
 * prefecture and optionally name_en (any order, English or Japanese names, other columns
 * ignored), or JSON, an array of objects {"code","name","prefecture"[,"name_en"]} (read as JSON
 * when its first character, after a BOM and whitespace, is '[' or '{'). UTF-8 or CP932 (see
 * mg_engine_set_encoding). All or nothing: on MG_ERR_IO / MG_ERR_LOAD the engine is unchanged
 * and mg_last_error() names the file, the line and the reason; on MG_ERR_NOMEM it is unchanged
 * too. A file that changes while it is read (rewritten or truncated in place) is MG_ERR_IO.
 * Not thread-safe (see above). */
MG_API int mg_engine_load_directory(mg_engine* e, const char* path);
MG_API int mg_engine_load_directory_buffer(mg_engine* e, const char* data, size_t len);
/* Adds per-association category catalogues (association,code,label). */
MG_API int mg_engine_load_categories(mg_engine* e, const char* path);
MG_API int mg_engine_load_categories_buffer(mg_engine* e, const char* data, size_t len);
/* How the loaders read bytes: MG_ENCODING_AUTO (default: UTF-8 when the bytes are valid UTF-8,
 * with or without a BOM, else CP932 with a notice), MG_ENCODING_UTF8, MG_ENCODING_CP932 (Shift_JIS
 * with Windows' extensions, as Excel saves CSV in Japan). Applies to the loads that follow. */
#define MG_ENCODING_AUTO 0
#define MG_ENCODING_UTF8 1
#define MG_ENCODING_CP932 2
MG_API int mg_engine_set_encoding(mg_engine* e, int encoding);
/* The notices of the engine's last load (successful or not): e.g. "read as CP932", "columns
 * not used were ignored (電話番号, 住所)". mg_engine_notice returns "file: notice (detail)" in
 * `lang`, valid until the next load or mg_engine_notice call on this engine; NULL when `index`
 * is out of range or the arguments are invalid, or when memory ran out (then mg_last_error()
 * says "out of memory"). A load that ran out of memory leaves no notices. */
MG_API size_t mg_engine_notice_count(const mg_engine* e);
MG_API const char* mg_engine_notice(mg_engine* e, size_t index, int lang);
/* Sets the support desk's year-end break (default 12/29–1/3, inclusive). */
MG_API int mg_engine_set_year_end(mg_engine* e, int first_month, int first_day, int last_month,
                                  int last_day);

/* The associations: count, by index (0 is JMA, 1…47 the prefectures), by code. */
MG_API int mg_association_count(const mg_engine* e, size_t* count);
MG_API int mg_association_at(const mg_engine* e, size_t index, int lang, mg_association_info* out);
/* MG_UNKNOWN_ASSOCIATION when no association has the code. */
MG_API int mg_association_find(const mg_engine* e, const char* code, int lang,
                               mg_association_info* out);

/* ---- planning ---------------------------------------------------------------------------- */
/* The JSON contract: one request (contract.md) in, one response out. *response is always set
 * to a response of the contract's two shapes (free it with mg_free), whatever the bytes were;
 * it is NULL only when response itself is NULL or memory ran out (MG_ERR_NOMEM). Returns
 * MG_OK for a plan, the refusal's code for a refusal. Requests over 1 MiB are refused unread. */
MG_API int mg_plan_json(const mg_engine* e, const char* request, size_t len, char** response);

/* Typed planning, without JSON. Returns out->status. Allocates nothing. */
MG_API int mg_plan(const mg_engine* e, const mg_member* member, const mg_request* request, int lang,
                   mg_result* out);
/* One function per operation (categories: per level, MG_IDX_*; NULL for none). */
MG_API int mg_join(const mg_engine* e, const mg_member* member, const char* municipal,
                   unsigned levels, const char* const categories[3], int proxy, int lang,
                   mg_result* out);
MG_API int mg_additional_join(const mg_engine* e, const mg_member* member, unsigned levels,
                              const char* const categories[3], int proxy, int lang, mg_result* out);
MG_API int mg_change_category(const mg_engine* e, const mg_member* member,
                              const char* const categories[3], int proxy, int lang, mg_result* out);
MG_API int mg_change_facility(const mg_engine* e, const mg_member* member, const char* reason,
                              int proxy, int lang, mg_result* out);
MG_API int mg_transfer(const mg_engine* e, const mg_member* member, const char* destination,
                       const char* const categories[3], const char* reason, int proxy, int lang,
                       mg_result* out);
MG_API int mg_withdraw(const mg_engine* e, const mg_member* member, unsigned levels, int cascade,
                       int proxy, int lang, mg_result* out);

/* The legality check of the membership state machine alone (levels held, operation, levels
 * requested): MG_OK when legal, else the refusal code; MG_ERR_ARGUMENT for a bad operation. */
MG_API int mg_check_levels(unsigned held, int operation, unsigned levels, int cascade);

/* STEP 1: what comes before the form for a MyPage answer. *count is 0 for MG_MYPAGE_YES,
 * else 1 with out filled. */
MG_API int mg_mypage_step(int mypage, int lang, mg_prerequisite_info* out, size_t* count);

/* The JMA category for a role (MG_ROLE_*) and insurance opt-out: MG_OK with code ("A1", …) and
 * label, or MG_NO_CATEGORY for a founder/manager who opts out. label may be NULL. */
MG_API int mg_recommend_category(int role, int opt_out, int lang, const char** code,
                                 const char** label);

/* ---- the guide and the graphs ------------------------------------------------------------ */
/* The guide as data (STEP 1 → STEP 2 → questions → leaves) as JSON; free with mg_free. */
MG_API int mg_guide_json(int lang, char** out);
/* The web guide's own words (headings, labels, buttons) and the level names as JSON. */
MG_API int mg_web_texts_json(int lang, char** out);
/* The category questions of a guide leaf (its id, e.g. "join.national"): which associations
 * need a category for this member and request, each with its catalogue's choices (JMA's with
 * descriptions). member_municipal, municipal: codes or NULL; member_levels, levels:
 * MG_LEVEL_* bits (levels: change_category's held levels that change). Returns MG_OK, or a
 * refusal's code with *out the contract's refusal (unknown leaf, unknown association). */
MG_API int mg_guide_categories_json(const mg_engine* e, const char* leaf,
                                    const char* member_municipal, unsigned member_levels,
                                    const char* municipal, unsigned levels, int lang, char** out);
/* Graphviz DOT of the association hierarchy / the membership state machine. */
MG_API int mg_directory_dot(const mg_engine* e, int lang, char** out);
MG_API int mg_transitions_dot(int lang, char** out);

/* ---- the support desk -------------------------------------------------------------------- */
MG_API int mg_support_contact_info(int lang, mg_support_contact* out);
/* Open or closed at a Unix time, and when it next opens. e may be NULL (the default desk). */
MG_API int mg_support_status(const mg_engine* e, int64_t unix_seconds, int lang,
                             mg_support_info* out);
/* Parses "2026-12-30T11:00:00+09:00" (or …Z, any offset) into Unix seconds. */
MG_API int mg_parse_instant(const char* text, int64_t* out);
/* A year's national holidays (2000–2099) in date order. With out NULL or capacity too small,
 * returns MG_ERR_BUFFER and sets *count to the number needed (at most 24). */
MG_API int mg_holidays(int year, int lang, mg_holiday_info* out, size_t capacity, size_t* count);

/* ---- every other answer as JSON --------------------------------------------------------- */
/* The library writes every JSON shape once (the command line's --json and the HTTP service pass
 * these on). Each sets *out to a NUL-terminated UTF-8 JSON text (free with mg_free), or NULL on
 * failure. lang is MG_LANG_*: the language of labels; codes and names of fields never change. */
/* Associations matching a search, in directory order: a JSON array of {"code", "level", "name",
 * "name_en", "parent", "categories"}. text: part of a code or a name (NULL or "": any);
 * prefecture: a JIS code (with or without the leading zero) or a prefecture's name, that
 * prefecture's association and its municipal ones (NULL or "": any; MG_ERR_ARGUMENT when it
 * names no prefecture); code: exactly this code (NULL or "": any). */
MG_API int mg_directory_json(const mg_engine* e, const char* text, const char* prefecture,
                             const char* code, int lang, char** out);
/* One association by code, the same object; MG_UNKNOWN_ASSOCIATION when no association has it. */
MG_API int mg_association_json(const mg_engine* e, const char* code, int lang, char** out);
/* The desk at a Unix time: {"at", "open", "reason", "holiday", "holiday_en", "next_open",
 * "phone", "mail", "status_label", "reason_label", "name", "hours"}. e may be NULL (the default
 * desk). MG_ERR_RANGE outside 2000-2099. */
MG_API int mg_support_json(const mg_engine* e, int64_t unix_seconds, int lang, char** out);
/* A year's holidays: [{"date", "name", "name_en", "weekday"}]. MG_ERR_RANGE outside 2000-2099. */
MG_API int mg_holidays_json(int year, int lang, char** out);
/* STEP 1 for a MyPage answer (MG_MYPAGE_*): the plan's prerequisite object {"kind", "steps",
 * "manual", …}, or null for MG_MYPAGE_YES. */
MG_API int mg_mypage_step_json(int mypage, int lang, char** out);
/* The refusal of the last mg_engine_load_* call on this thread that failed with MG_ERR_IO or
 * MG_ERR_LOAD (or of mg_check_file, since 1.1): {"ok": false, "error": {"code": "load_error",
 * "kind", "message", "source", "line", "detail"}}. MG_ERR_ARGUMENT when no load has failed on this
 * thread. */
MG_API int mg_last_load_error_json(int lang, char** out);

/* ---- since 1.1 (symbol version MAMISGUIDE_1.1) ------------------------------------------- */
/* JSON Lines in, JSON Lines out: exactly the bytes `mamisguide batch` writes for the same input,
 * from the same code. One response per line of `input`, in order, each with its "line" number
 * and a newline; blank, malformed and oversized (> 1 MiB) lines get invalid_request; a last line
 * without a newline is answered too. *out is set to the NUL-terminated responses (free with
 * mg_free; "" for an empty input), or NULL on failure. Returns MG_OK (whatever the lines'
 * answers were), MG_ERR_ARGUMENT or MG_ERR_NOMEM. Since 1.1. */
MG_API int mg_batch_json(const mg_engine* e, const char* input, size_t len, char** out);
/* mg_plan_json into a buffer of the caller's: the same response (without a NUL), its length in
 * *size. When it does not fit in `capacity` bytes, nothing is written, *size is the capacity
 * needed and MG_ERR_BUFFER is returned: call again with that much. No allocation is handed out,
 * so a binding that reuses one buffer (the JavaScript package) neither scans for the end nor
 * frees anything per request. Returns what mg_plan_json returns, or MG_ERR_BUFFER. Since 1.1. */
MG_API int mg_plan_json_to(const mg_engine* e, const char* request, size_t len, char* out,
                           size_t capacity, size_t* size);
/* Adds the bundled sample master (the command line's data/sample-municipal.csv, built into the
 * library: real associations with codes of our own, not an official master) and marks the
 * engine as planning on it: every plan's JSON then ends with a note of kind sample_directory,
 * as the command line's does when no master is named. A later mg_engine_load_directory* clears
 * the mark; catalogues loaded after it keep it. Returns MG_OK, MG_ERR_ARGUMENT or MG_ERR_NOMEM.
 * Not thread-safe (a load). Since 1.1. */
MG_API int mg_engine_load_sample(mg_engine* e);
/* The name that the next mg_engine_load_directory_buffer and mg_engine_load_categories_buffer
 * calls give their data in refusals and notices (a file's name, as the file loaders give its
 * path), instead of "<buffer>"; NULL gives "<buffer>" again. Returns MG_OK, MG_ERR_ARGUMENT or
 * MG_ERR_NOMEM (the name unchanged).
 * Not thread-safe (it changes the engine). Since 1.1. */
MG_API int mg_engine_set_buffer_name(mg_engine* e, const char* name);
/* How many bytes of a file's beginning mg_check_file looks at. */
#define MG_FILE_HEAD_BYTES 4096
/* Whether a file can be a master or a catalogue, from its size and its beginning, before it is
 * read: the loaders' own first checks, for a program that reads files itself (the single-file
 * web guide refuses a 200 MB file or a picture without reading it). `head` holds the file's
 * first min(size, MG_FILE_HEAD_BYTES) bytes (more are not looked at). Returns MG_OK when the
 * loaders would read on; MG_ERR_LOAD when they would refuse the file whatever the rest holds —
 * larger than they accept (kind "too_large") or not a CSV or JSON text (kind "not_text": a
 * picture, a PDF, an Excel workbook, UTF-16) — with the refusal in mg_last_load_error_json
 * (source: `name`, or "<buffer>" for NULL); MG_ERR_ARGUMENT when head is NULL with a length or
 * head_len exceeds size; MG_ERR_NOMEM. Since 1.1. */
MG_API int mg_check_file(const char* name, uint64_t size, const char* head, size_t head_len);

/* ---- names ------------------------------------------------------------------------------- */
/* The JSON contract's name of each constant ("join", "municipal", "admission", …), for bindings
 * that must not rely on positions. NULL for a value that is not one of the constants (and for
 * MG_SELECTION_NONE, which JSON writes as null). */
MG_API const char* mg_operation_name(int operation);
MG_API const char* mg_level_name(unsigned level_bit);
MG_API const char* mg_mypage_name(int mypage);
MG_API const char* mg_lang_name(int lang);
MG_API const char* mg_form_name(int form);
MG_API const char* mg_selection_name(int selection);
MG_API const char* mg_actor_name(int actor);
MG_API const char* mg_prerequisite_name(int kind);
MG_API const char* mg_note_name(int kind);
MG_API const char* mg_role_name(int role);
MG_API const char* mg_desk_reason_name(int reason);

/* ---- memory ------------------------------------------------------------------------------ */
MG_API void mg_free(void* p);

#ifdef __cplusplus
}

/* C++: MG_*_INIT value-initializes (every field zero, no -Wmissing-field-initializers). */
template <class T>
inline T mg_struct_init_(unsigned version) {
    T t = T();
    t.version = version;
    return t;
}
#endif

#endif /* MAMISGUIDE_H */
