// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the C ABI over the header-only core. Every entry point catches everything:
// no C++ exception crosses this boundary (cf. {fmt}'s fmt-c layer).
#include "mamisguide.h"

#include "batch_lines.hpp"
#include "json.hpp"
#include "per_thread.hpp"

#include <mamisguide/mamisguide.hpp>

#include <cstdarg>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iterator>
#include <new>
#include <optional>
#include <sstream>
#include <string>

using namespace mamisguide;

// ---- the C side and the C++ side agree (docs/abi.md) ---------------------------------------
// Every capacity of a C array is the C++ side's capacity, and every C enum value is the C++
// enumerator's value: a change on either side stops the build here.

namespace {
template <class E>
constexpr int val(E e) noexcept {
    return static_cast<int>(e);
}
template <class T, std::size_t N>
constexpr std::size_t extent(T (&)[N]) noexcept {
    return N;
}
constexpr mg_plan_info plan_probe{};
constexpr mg_prerequisite_info prerequisite_probe{};
constexpr mg_member member_probe{};
constexpr mg_request request_probe{};
constexpr mg_state_info state_probe{};
constexpr mg_support_info support_probe{};
} // namespace

static_assert(extent(plan_probe.checked) == decltype(application_plan::checked)::capacity());
static_assert(extent(plan_probe.categories) == decltype(application_plan::categories)::capacity());
static_assert(extent(plan_probe.prerequisites) ==
              decltype(application_plan::prerequisites)::capacity());
static_assert(extent(plan_probe.steps) == decltype(application_plan::steps)::capacity());
static_assert(extent(plan_probe.notes) == decltype(application_plan::notes)::capacity());
static_assert(extent(prerequisite_probe.steps) == decltype(prerequisite::steps)::capacity());
static_assert(decltype(mypage_prerequisites(mypage::no))::capacity() == 1); // mg_mypage_step
static_assert(extent(member_probe.categories) == all_levels.size());
static_assert(extent(request_probe.categories) == all_levels.size());
static_assert(extent(state_probe.categories) == all_levels.size());
static_assert(extent(plan_probe.result.categories) == all_levels.size());
// mg_holidays documents "at most 24"; the ISO text of any instant 2000–2099 fits next_open_iso.
static_assert(holiday_list::capacity() == 24);
static_assert(format_jst(4102444799).size < extent(support_probe.next_open_iso)); // 2099-12-31

static_assert(MG_LEVEL_MUNICIPAL == 1u << index_of(level::municipal));
static_assert(MG_LEVEL_PREFECTURAL == 1u << index_of(level::prefectural));
static_assert(MG_LEVEL_NATIONAL == 1u << index_of(level::national));
static_assert(MG_LEVELS_ALL == (MG_LEVEL_MUNICIPAL | MG_LEVEL_PREFECTURAL | MG_LEVEL_NATIONAL));
static_assert(MG_IDX_MUNICIPAL == index_of(level::municipal));
static_assert(MG_IDX_PREFECTURAL == index_of(level::prefectural));
static_assert(MG_IDX_NATIONAL == index_of(level::national));

static_assert(MG_OP_JOIN == val(operation::join));
static_assert(MG_OP_ADDITIONAL_JOIN == val(operation::additional_join));
static_assert(MG_OP_CHANGE_CATEGORY == val(operation::change_category));
static_assert(MG_OP_CHANGE_FACILITY == val(operation::change_facility));
static_assert(MG_OP_TRANSFER == val(operation::transfer));
static_assert(MG_OP_WITHDRAW == val(operation::withdraw));
static_assert(std::size(all_operations) == MG_OP_WITHDRAW + 1);

static_assert(MG_MYPAGE_YES == val(mypage::yes));
static_assert(MG_MYPAGE_NO == val(mypage::no));
static_assert(MG_MYPAGE_UNKNOWN == val(mypage::unknown));

static_assert(MG_LANG_JA == val(lang::ja));
static_assert(MG_LANG_EN == val(lang::en));

static_assert(MG_FORM_ADMISSION == val(form_kind::admission));
static_assert(MG_FORM_TRANSFER == val(form_kind::transfer));
static_assert(MG_FORM_WITHDRAWAL == val(form_kind::withdrawal));

static_assert(MG_SELECTION_NONE == val(selection::none));
static_assert(MG_SELECTION_NEW == val(selection::new_admission));
static_assert(MG_SELECTION_ADDITIONAL == val(selection::additional));
static_assert(MG_SELECTION_CATEGORY_CHANGE == val(selection::category_change));
static_assert(MG_SELECTION_ASSOCIATION_TRANSFER == val(selection::association_transfer));

static_assert(MG_ACTOR_MEMBER == val(actor::member));
static_assert(MG_ACTOR_SECRETARIAT == val(actor::secretariat));

static_assert(MG_PREREQ_USER_REGISTRATION == val(prerequisite_kind::user_registration));
static_assert(MG_PREREQ_MYPAGE_CHECK == val(prerequisite_kind::mypage_check));

static_assert(MG_NOTE_CASCADE_APPLIED == val(note_kind::cascade_applied));
static_assert(MG_NOTE_PREFECTURAL_MOVES == val(note_kind::prefectural_moves));
static_assert(MG_NOTE_PREFECTURAL_STAYS == val(note_kind::prefectural_stays));
static_assert(MG_NOTE_NATIONAL_CONTINUES == val(note_kind::national_continues));
static_assert(MG_NOTE_CATEGORY_UNCHECKED == val(note_kind::category_unchecked));
static_assert(MG_NOTE_PROXY == val(note_kind::proxy));
static_assert(MG_NOTE_CATEGORY_IGNORED == val(note_kind::category_ignored));

static_assert(MG_ROLE_FOUNDER_MANAGER == val(doctor_role::founder_manager));
static_assert(MG_ROLE_RESIDENT == val(doctor_role::resident));
static_assert(MG_ROLE_OTHER == val(doctor_role::other));

static_assert(MG_DESK_OPEN == val(support_reason::open));
static_assert(MG_DESK_AFTER_HOURS == val(support_reason::after_hours));
static_assert(MG_DESK_WEEKEND == val(support_reason::weekend));
static_assert(MG_DESK_HOLIDAY == val(support_reason::holiday));
static_assert(MG_DESK_YEAR_END == val(support_reason::year_end));

static_assert(MG_INVALID_REQUEST == val(refusal_code::invalid_request));
static_assert(MG_UNKNOWN_ASSOCIATION == val(refusal_code::unknown_association));
static_assert(MG_LEVEL_MISMATCH == val(refusal_code::level_mismatch));
static_assert(MG_INVALID_STATE == val(refusal_code::invalid_state));
static_assert(MG_NOT_A_MEMBER == val(refusal_code::not_a_member));
static_assert(MG_ALREADY_MEMBER == val(refusal_code::already_member));
static_assert(MG_LEVEL_NOT_HELD == val(refusal_code::level_not_held));
static_assert(MG_LEVEL_ALREADY_HELD == val(refusal_code::level_already_held));
static_assert(MG_ILLEGAL_LEVELS == val(refusal_code::illegal_levels));
static_assert(MG_SAME_ASSOCIATION == val(refusal_code::same_association));
static_assert(MG_CATEGORY_REQUIRED == val(refusal_code::category_required));
static_assert(MG_UNKNOWN_CATEGORY == val(refusal_code::unknown_category));
static_assert(MG_CATEGORY_UNCHANGED == val(refusal_code::category_unchanged));
static_assert(MG_NO_CATEGORY == val(refusal_code::no_category));

// The 1.0 layout of each versioned struct ends here; a later 1.x appends after it, and a caller
// that gave version 1 owns only these bytes.
namespace {
constexpr std::size_t v1_end_member =
    offsetof(mg_member, categories) + sizeof(mg_member::categories);
constexpr std::size_t v1_end_result = offsetof(mg_result, refusal) + sizeof(mg_refusal_info);
constexpr std::size_t v1_end_prerequisite =
    offsetof(mg_prerequisite_info, support_desk) + sizeof(int);
constexpr std::size_t v1_end_support =
    offsetof(mg_support_info, next_open_iso) + sizeof(mg_support_info::next_open_iso);
constexpr std::size_t v1_size_holiday = sizeof(mg_holiday_info); // its array's stride, frozen
} // namespace
static_assert(v1_end_member <= sizeof(mg_member) && v1_end_result <= sizeof(mg_result));
static_assert(v1_end_prerequisite <= sizeof(mg_prerequisite_info));
static_assert(v1_end_support <= sizeof(mg_support_info));

struct mg_engine {
    directory dir = directory::builtin();
    desk support = default_desk();
    text_encoding encoding = text_encoding::automatic;
    std::vector<load_notice> notices; ///< of the last load
    std::string notice_text;          ///< the last one mg_engine_notice formatted
    bool sample = false;              ///< the master is the bundled sample (mg_engine_load_sample)
    std::string buffer_name =
        "<buffer>"; ///< what buffer loads call the data (mg_engine_set_buffer_name)
};

namespace {

// ---- errors: per-thread state without thread_local (issue 25) -------------------------------
// A thread_local would make the first use on each thread allocate: glibc mallocs a dlopen'd
// library's thread-local block on a thread's first access (Python, PHP and Java load us that
// way) and registers a thread_local's destructor with a calloc, and it aborts the whole process
// when either allocation fails. The per-thread state therefore lives in thread keys
// (per_thread.hpp: pthread keys; fiber-local storage on Windows): a pthread key's value, one of a
// process's first 32, is stored in the thread itself, and pthread_setspecific
// reports ENOMEM instead of aborting. The refusal of a typed call is two pointers to static
// text (keys `code` and `message`), so the typed functions allocate nothing even on a thread's
// first refusal; the formatted message and the last refused load live in a block malloc'd on the
// thread's first error (key `errors`), freed by the key's destructor when the thread ends. The
// library is linked with -z nodelete, so that destructor is never unloaded.

/// What a thread keeps between calls, made on its first error (or its first guarded call).
struct thread_errors {
    char text[1024] = "";
    std::optional<load_error> last_load; ///< the last refused load, for mg_last_load_error_json
    bool cxx_ready = false;              ///< libstdc++'s own per-thread state is made
};

constexpr char out_of_memory[] = "out of memory";
/// The value of key `errors` that says memory ran out before a thread_errors could be made.
char no_memory_mark;

void free_errors(void* p) noexcept {
    if (p == &no_memory_mark) return;
    static_cast<thread_errors*>(p)->~thread_errors();
    std::free(p);
}

struct thread_keys {
    capi_detail::thread_key errors, code, message;
    bool ok;
};

const thread_keys& keys() noexcept {
    static const thread_keys k = [] {
        thread_keys t{};
        t.ok = capi_detail::thread_key_create(t.errors, free_errors) &&
               capi_detail::thread_key_create(t.code, nullptr) &&
               capi_detail::thread_key_create(t.message, nullptr);
        return t;
    }(); // GCOVR_EXCL_BR_LINE: static's guard
    return k;
}

/// This thread's state if it has one.
thread_errors* existing_errors() noexcept {
    const thread_keys& k = keys();
    if (!k.ok) return nullptr;
    void* p = capi_detail::thread_key_get(k.errors);
    return p == &no_memory_mark ? nullptr : static_cast<thread_errors*>(p);
}

/// This thread's state, made on first use; nullptr when memory ran out.
thread_errors* errors() noexcept {
    if (thread_errors* e = existing_errors()) return e;
    const thread_keys& k = keys();
    if (!k.ok) return nullptr;
    // malloc, not new (std::nothrow): libstdc++'s nothrow new is the throwing one inside a
    // try, and a throw is what must not happen yet (thread_ready()).
    void* block = std::malloc(sizeof(thread_errors));
    if (!block) return nullptr;
    auto* e = new (block) thread_errors();
    if (!capi_detail::thread_key_set(k.errors, e)) {
        free_errors(e);
        return nullptr;
    }
    return e;
}

void clear_pending() noexcept {
    const thread_keys& k = keys();
    if (k.ok && capi_detail::thread_key_get(k.code)) capi_detail::thread_key_set(k.code, nullptr);
}

/// After MG_ERR_NOMEM, mg_last_error() says "out of memory", from static storage when there is
/// no state to write it in.
void set_nomem() noexcept {
    clear_pending();
    if (thread_errors* e = existing_errors()) {
        std::memcpy(e->text, out_of_memory, sizeof out_of_memory);
        return;
    }
    const thread_keys& k = keys();
    if (k.ok)
        capi_detail::thread_key_set(k.errors, &no_memory_mark); // a thread's own slot: no malloc
}

void set_error(const char* fmt, ...) noexcept {
    clear_pending();
    thread_errors* e = errors();
    if (!e) return set_nomem(); // describing the failure took memory there was not
    char* last_error = e->text;
    va_list ap;
    va_start(ap, fmt);
    const int n = std::vsnprintf(last_error, sizeof e->text, fmt, ap);
    va_end(ap);
    // A message cut to fit must stay UTF-8: drop a character the cut left incomplete.
    if (n >= static_cast<int>(sizeof e->text)) {
        std::size_t end = sizeof e->text - 1, lead = end;
        while (lead > 0 && (static_cast<unsigned char>(last_error[lead - 1]) & 0xC0) == 0x80)
            --lead;
        if (lead > 0) {
            const unsigned char c = static_cast<unsigned char>(last_error[lead - 1]);
            const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            if (end - (lead - 1) < len) end = lead - 1;
        }
        last_error[end] = '\0';
    }
}

/// clear_error() for a thread whose state is in hand (thread_ready()'s): no key read.
void clear_error(thread_errors& t) noexcept {
    clear_pending();
    t.text[0] = '\0';
}

void clear_error() noexcept {
    clear_pending();
    const thread_keys& k = keys();
    if (!k.ok) return;
    void* p = capi_detail::thread_key_get(k.errors);
    if (p == &no_memory_mark)
        capi_detail::thread_key_set(k.errors, nullptr);
    else if (p)
        static_cast<thread_errors*>(p)->text[0] = '\0';
}

/// A typed refusal: formatted only when asked for (mg_last_error), so that the typed path
/// pays two stores, not a printf, and allocates nothing.
void set_refusal_error(const char* code, const char* message) noexcept {
    const thread_keys& k = keys();
    if (!k.ok) return;
    if (thread_errors* e = existing_errors()) e->text[0] = '\0';
    // (The first 32 keys never fail; a later one may, and then the refusal goes unrecorded.)
    if (capi_detail::thread_key_set(k.message, message)) capi_detail::thread_key_set(k.code, code);
}

int arg_error(const char* what) noexcept {
    set_error("invalid argument: %s", what);
    return MG_ERR_ARGUMENT;
}

/// A struct's version this library cannot serve: 0 (not initialized with MG_*_INIT) or newer.
int version_error(const char* what, unsigned got, unsigned known) noexcept {
    set_error("%s.version is %u; this library (%s) knows versions 1 to %u: initialize the "
              "struct with its MG_*_INIT macro",
              what, got, MG_VERSION_STRING, known);
    return MG_ERR_VERSION;
}

/// True when `version` is one this library serves (1 … the header's current one).
constexpr bool known_version(unsigned version, unsigned current) noexcept {
    return version - 1u < current; // 0 wraps around
}

/// Zeroes a caller's struct after its version, up to the end of the layout it asked for.
template <class T>
void zero_after_version(T* p, std::size_t end) noexcept {
    static_assert(offsetof(T, version) == 0);
    std::memset(reinterpret_cast<char*>(p) + sizeof p->version, 0, end - sizeof p->version);
}

/// Makes this thread ready for a call that may throw: its state first, then libstdc++'s.
/// Out of memory is an exception, and the C++ runtime keeps its exception state in
/// thread-local storage, which glibc allocates on the thread's first throw when libstdc++ was
/// itself loaded with dlopen (a Python, PHP or Java host loading us) and aborts the process if
/// it cannot. So a thread's first call makes its own state without an exception (nullptr: out
/// of memory, nothing thrown), then has the runtime make its state at once, while memory is
/// there, rather than on a first throw that comes precisely when memory has run out. Returns
/// this thread's state.
thread_errors* thread_ready() noexcept {
    thread_errors* t = errors();
    if (!t) return nullptr;
    // __cxa_get_globals(): the runtime's per-thread state. (Declared pure: its result is used,
    // or the call would be dropped.)
    if (!t->cxx_ready) t->cxx_ready = std::uncaught_exceptions() >= 0;
    return t;
}

/// Runs `f`, turning any exception into a status.
template <class F>
int guarded(F&& f) noexcept {
    thread_errors* t = thread_ready();
    if (!t) {
        set_nomem();
        return MG_ERR_NOMEM;
    }
    try {
        clear_error(*t);
        return f();
    } catch (const std::bad_alloc&) { // GCOVR_EXCL_BR_LINE: the type test's way to the guards below
        set_nomem();
        return MG_ERR_NOMEM;
    } catch (const std::exception& e) { // GCOVR_EXCL_START
        // A guard, never reached: below the C boundary only allocation throws (tests/faults).
        set_error("internal error: %s", e.what());
        return MG_ERR_INTERNAL;
    } catch (...) {
        set_error("internal error");
        return MG_ERR_INTERNAL;
    } // GCOVR_EXCL_STOP
}

/// A malloc'd, NUL-terminated copy (for mg_free).
char* dup(const std::string& s) {
    char* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (!p) throw std::bad_alloc();
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
}

bool get_lang(int l, lang& out) noexcept {
    if (l == MG_LANG_JA) return out = lang::ja, true;
    if (l == MG_LANG_EN) return out = lang::en, true;
    return false;
}

/// Views of the plan point at NUL-terminated strings (the directory's std::strings, static
/// literals, or the caller's C strings), so .data() is a C string; empty becomes NULL.
const char* cstr(std::string_view s) noexcept {
    return s.empty() ? nullptr : s.data();
}
std::string_view view(const char* s) noexcept {
    return s ? std::string_view(s) : std::string_view();
}

per_level<std::string_view> views(const char* const c[3]) noexcept {
    per_level<std::string_view> out;
    if (c)
        for (level l : all_levels) out[l] = view(c[index_of(l)]);
    return out;
}

void c_strings(const per_level<std::string_view>& v, const char* out[3]) noexcept {
    for (level l : all_levels) out[index_of(l)] = cstr(v[l]);
}

bool to_member(const mg_member* m, member_state& s) noexcept {
    if (m->mypage < MG_MYPAGE_YES || m->mypage > MG_MYPAGE_UNKNOWN || m->levels > 7) return false;
#ifdef MG_ABI_TEST_NEXT
    // The field a later 1.x appended: read only from callers that gave its version.
    if (m->version >= 2 && m->next_flags != 0) return false;
#endif
    s.page = static_cast<mypage>(m->mypage);
    s.municipal = view(m->municipal);
    s.prefectural = view(m->prefectural);
    s.levels = level_set::from_bits(m->levels);
    s.categories = views(m->categories);
    return true;
}

bool to_request(const mg_request* r, request& q) noexcept {
    if (r->operation < MG_OP_JOIN || r->operation > MG_OP_WITHDRAW || r->levels > 7) return false;
    q.op = static_cast<operation>(r->operation);
    q.levels = level_set::from_bits(r->levels);
    q.municipal = view(r->municipal);
    q.categories = views(r->categories);
    q.reason = view(r->reason);
    q.cascade = r->cascade != 0;
    q.proxy = r->proxy != 0;
    return true;
}

void from_request(const request& q, mg_request& r) noexcept {
    r.version = 1; // embedded in mg_refusal_info: always the 1.0 layout
    r.operation = static_cast<int>(q.op);
    r.levels = q.levels.bits();
    r.municipal = cstr(q.municipal);
    c_strings(q.categories, r.categories);
    r.reason = cstr(q.reason);
    r.cascade = q.cascade;
    r.proxy = q.proxy;
}

/// The 1.0 fields (the caller's version, when it is a top-level struct, is left as it is).
void fill_prerequisite(const prerequisite& q, lang l, mg_prerequisite_info& o) noexcept {
    o.kind = q.kind == prerequisite_kind::mypage_check ? MG_PREREQ_MYPAGE_CHECK
                                                       : MG_PREREQ_USER_REGISTRATION;
    o.n_steps = q.steps.size();
    for (std::size_t i = 0; i < q.steps.size(); ++i) o.steps[i] = q.steps[i]->get(l);
    o.manual = q.manual->get(l);
    o.support_desk = q.support_desk;
}

void fill_association(const directory& dir, association_id v, lang l,
                      mg_association_info& o) noexcept {
    const association& a = dir[v];
    o.level = 1u << index_of(a.lvl);
    o.code = a.code.c_str();
    o.name = cstr(a.name_in(l));
    const auto p = dir.parent(v);
    o.parent_code = p ? dir[*p].code.c_str() : nullptr;
}

void fill_plan(const application_plan& p, lang l, mg_plan_info& o) noexcept {
    o.operation = static_cast<int>(p.op);
    o.form = static_cast<int>(p.form);
    o.form_label = p.form_label->get(l);
    o.selection = static_cast<int>(p.sel);
    o.selection_label = p.selection_label ? p.selection_label->get(l) : nullptr;
    o.guide_case = p.guide_case ? p.guide_case->get(l) : nullptr;
    o.guide_instruction = p.guide_instruction ? p.guide_instruction->get(l) : nullptr;
    o.n_checked = p.checked.size();
    for (std::size_t i = 0; i < p.checked.size(); ++i) {
        const checked_association& a = p.checked[i];
        o.checked[i] = {1, 1u << index_of(a.lvl), cstr(a.code), cstr(a.name_in(l)), nullptr};
    }
    o.n_categories = p.categories.size();
    for (std::size_t i = 0; i < p.categories.size(); ++i) {
        const category_choice& c = p.categories[i];
        o.categories[i] = {1u << index_of(c.lvl), cstr(c.code),
                           cstr(l == lang::en ? c.label_en : c.label_ja), c.checked};
    }
    o.n_prerequisites = p.prerequisites.size();
    for (std::size_t i = 0; i < p.prerequisites.size(); ++i) {
        o.prerequisites[i].version = 1; // embedded: always the 1.0 layout
        fill_prerequisite(p.prerequisites[i], l, o.prerequisites[i]);
    }
    o.n_steps = p.steps.size();
    for (std::size_t i = 0; i < p.steps.size(); ++i) o.steps[i] = p.steps[i]->get(l);
    o.manual = p.manual->get(l);
    o.actor = static_cast<int>(p.who);
    o.result.municipal = cstr(p.result.municipal);
    o.result.prefectural = cstr(p.result.prefectural);
    o.result.levels = p.result.levels.bits();
    c_strings(p.result.categories, o.result.categories);
    o.n_notes = p.notes.size();
    for (std::size_t i = 0; i < p.notes.size(); ++i) {
        const note& n = p.notes[i];
        o.notes[i] = {static_cast<int>(n.kind), n.text->get(l), n.levels.bits(),
                      cstr(n.association)};
    }
    o.rule = cstr(p.rule);
    o.reason = cstr(p.reason);
}

int plan_typed(const mg_engine* e, const member_state& s, const request& q, lang l,
               mg_result* out) noexcept {
    // Only the half that answers is written (mg_result's documented contract); the other is
    // left as it was, which spares zeroing 850 bytes on every call.
    const plan_result r = plan(e->dir, s, q);
    if (r) {
        fill_plan(*r, l, out->plan);
#ifdef MG_ABI_TEST_NEXT
        if (out->version >= 2) out->next_status = MG_OK;
#endif
        return out->status = MG_OK;
    }
    const refusal& no = r.error();
    out->status = static_cast<int>(no.code);
    out->refusal.code = out->status;
    out->refusal.code_name = to_string(no.code).data();
    out->refusal.message = no.message->get(l);
    out->refusal.field = cstr(no.field);
    out->refusal.has_suggestion = no.suggestion.has_value();
    if (no.suggestion)
        from_request(*no.suggestion, out->refusal.suggestion);
    else
        out->refusal.suggestion = mg_request{1, 0, 0, nullptr, {}, nullptr, 0, 0};
    out->refusal.levels = no.levels.bits();
    out->refusal.n_associations = no.associations.size();
    for (std::size_t i = 0; i < no.associations.size(); ++i) {
        const checked_association& a = no.associations[i];
        out->refusal.associations[i] = {MG_ASSOCIATION_INFO_VERSION, 1u << index_of(a.lvl),
                                        cstr(a.code), cstr(a.name_in(l)), nullptr};
    }
    out->refusal.value = cstr(no.value);
    out->refusal.problem =
        no.problem == state_problem::none ? nullptr : to_string(no.problem).data();
    refusal_message(no, l, out->refusal.text, sizeof out->refusal.text);
    set_refusal_error(out->refusal.code_name, out->refusal.message);
#ifdef MG_ABI_TEST_NEXT
    if (out->version >= 2) out->next_status = out->status;
#endif
    return out->status;
}

/// The shared preamble of the typed functions: checks pointers and enums.
/// (The hot path: a success leaves mg_last_error() as it was, touching no thread-local state.)
int typed(const mg_engine* e, const mg_member* m, const request& q, int lng,
          mg_result* out) noexcept {
    if (!e) return arg_error("engine is NULL");
    if (!m) return arg_error("member is NULL");
    if (!out) return arg_error("out is NULL");
    if (!known_version(m->version, MG_MEMBER_VERSION))
        return version_error("mg_member", m->version, MG_MEMBER_VERSION);
    if (!known_version(out->version, MG_RESULT_VERSION))
        return version_error("mg_result", out->version, MG_RESULT_VERSION);
    lang l;
    if (!get_lang(lng, l)) return arg_error("lang");
    member_state s;
    if (!to_member(m, s)) return arg_error("member.mypage or member.levels out of range");
    return plan_typed(e, s, q, l, out);
}

/// What a load adds: a master (which replaces the sample's mark) or catalogues (which keep it).
enum class loaded { master, sample, catalogues };

/// One load: the notices are collected apart and become the engine's only when the load
/// finishes (refused or not); a load that runs out of memory leaves none, and the engine's data
/// as it was (its directory is replaced only by a whole new one).
class load_run {
public:
    explicit load_run(mg_engine* e) noexcept : e_(e) { e->notices.clear(); }
    load_options options() noexcept { return load_options{e_->encoding, &notices_}; }

    int finish(tl::expected<directory, load_error>&& r, loaded what) {
        if (!r) {
            thread_errors* t = errors();
            if (!t) throw std::bad_alloc();
            const std::string message = r.error().message(lang::en);
            t->last_load.reset();
            t->last_load.emplace(std::move(r.error()));
            set_error("%s", message.c_str());
            e_->notices.swap(notices_);
            return t->last_load->kind == load_error_kind::unreadable ? MG_ERR_IO : MG_ERR_LOAD;
        }
        e_->dir = std::move(*r);
        if (what != loaded::catalogues) e_->sample = what == loaded::sample;
        e_->dir.set_sample(e_->sample); // loaders do not carry the mark over
        e_->notices.swap(notices_);
        return MG_OK;
    }

private:
    mg_engine* e_;
    std::vector<load_notice> notices_;
};

/// The name of an enumerator given as a C int, or NULL when `v` is not in 0…count-1.
template <class E>
const char* enum_name(int v, int count) noexcept {
    if (v < 0 || v >= count) return nullptr;
    return to_string(static_cast<E>(v)).data();
}

int out_string(char** out, const std::string& s) {
    *out = dup(s);
    return MG_OK;
}

} // namespace

extern "C" {

const char* mg_version(void) {
    return MG_VERSION_STRING;
}
int mg_version_number(void) {
    return MG_VERSION_NUMBER;
}

const char* mg_status_name(int status) {
    if (status == MG_OK) return "ok";
    if (status >= MG_INVALID_REQUEST && status <= MG_NO_CATEGORY)
        return to_string(static_cast<refusal_code>(status)).data();
    switch (status) {
    case MG_ERR_ARGUMENT:
        return "argument_error";
    case MG_ERR_IO:
        return "io_error";
    case MG_ERR_LOAD:
        return "load_error";
    case MG_ERR_NOMEM:
        return "out_of_memory";
    case MG_ERR_RANGE:
        return "out_of_range";
    case MG_ERR_PARSE:
        return "parse_error";
    case MG_ERR_BUFFER:
        return "buffer_too_small";
    case MG_ERR_INTERNAL:
        return "internal_error";
    case MG_ERR_VERSION:
        return "version_error";
    default:
        return "unknown_status";
    }
}

const char* mg_last_error(void) {
    const thread_keys& k = keys();
    if (!k.ok) return out_of_memory; // no key could be made: the process is out of resources
    if (const void* code = capi_detail::thread_key_get(k.code)) {
        const char* message = static_cast<const char*>(capi_detail::thread_key_get(k.message));
        thread_errors* e = errors();
        if (!e) return message; // static text: the code is not in it, but it needs no memory
        std::snprintf(e->text, sizeof e->text, "%s: %s", static_cast<const char*>(code), message);
        capi_detail::thread_key_set(k.code, nullptr);
        return e->text;
    }
    const void* p = capi_detail::thread_key_get(k.errors);
    if (!p) return "";
    if (p == &no_memory_mark) return out_of_memory;
    return static_cast<const thread_errors*>(p)->text;
}

int mg_engine_new(mg_engine** out) {
    if (out) *out = nullptr;
    return guarded([&] {
        if (!out) return arg_error("out is NULL");
        *out = new mg_engine();
        return MG_OK;
    });
}

void mg_engine_free(mg_engine* e) {
    delete e;
}

int mg_engine_load_directory(mg_engine* e, const char* path) {
    return guarded([&] {
        if (!e) return arg_error("engine is NULL");
        if (!path) return arg_error("path is NULL");
        load_run run(e);
        return run.finish(json::load_master_file_any(e->dir, path, run.options()), loaded::master);
    });
}

int mg_engine_load_directory_buffer(mg_engine* e, const char* data, size_t len) {
    return guarded([&] {
        if (!e) return arg_error("engine is NULL");
        if (!data && len) return arg_error("data is NULL");
        load_run run(e);
        return run.finish(json::load_master_any(e->dir, std::string_view(data ? data : "", len),
                                                e->buffer_name, run.options()),
                          loaded::master);
    });
}

int mg_engine_load_categories(mg_engine* e, const char* path) {
    return guarded([&] {
        if (!e) return arg_error("engine is NULL");
        if (!path) return arg_error("path is NULL");
        load_run run(e);
        return run.finish(load_categories_file(e->dir, path, run.options()), loaded::catalogues);
    });
}

int mg_engine_load_categories_buffer(mg_engine* e, const char* data, size_t len) {
    return guarded([&] {
        if (!e) return arg_error("engine is NULL");
        if (!data && len) return arg_error("data is NULL");
        load_run run(e);
        return run.finish(load_categories(e->dir, std::string_view(data ? data : "", len),
                                          e->buffer_name, run.options()),
                          loaded::catalogues);
    });
}

int mg_engine_load_sample(mg_engine* e) {
    return guarded([&] {
        if (!e) return arg_error("engine is NULL");
        load_run run(e);
        const int rc = run.finish(json::load_sample_master(e->dir, run.options()), loaded::sample);
        // The bundled file is checked by the tests: only memory can fail here (MG_ERR_NOMEM,
        // passed through). A guard:
        return rc == MG_ERR_LOAD || rc == MG_ERR_IO ? MG_ERR_INTERNAL : rc; // GCOVR_EXCL_BR_LINE
    });
}

static_assert(static_cast<int>(text_encoding::automatic) == MG_ENCODING_AUTO &&
              static_cast<int>(text_encoding::utf8) == MG_ENCODING_UTF8 &&
              static_cast<int>(text_encoding::cp932) == MG_ENCODING_CP932);

int mg_engine_set_encoding(mg_engine* e, int encoding) {
    return guarded([&] {
        if (!e) return arg_error("engine is NULL");
        if (encoding < MG_ENCODING_AUTO || encoding > MG_ENCODING_CP932)
            return arg_error("encoding");
        e->encoding = static_cast<text_encoding>(encoding);
        return MG_OK;
    });
}

int mg_engine_set_buffer_name(mg_engine* e, const char* name) {
    return guarded([&] {
        if (!e) return arg_error("engine is NULL");
        e->buffer_name = name ? name : "<buffer>";
        return MG_OK;
    });
}

int mg_check_file(const char* name, uint64_t size, const char* head, size_t head_len) {
    return guarded([&] {
        if (!head && head_len) return arg_error("head is NULL");
        if (head_len > size) return arg_error("head_len is more than size");
        const std::string_view h(head ? head : "", std::min<size_t>(head_len, file_head_bytes));
        auto refused = check_file(name ? name : "<buffer>", size, h);
        if (!refused) return MG_OK;
        thread_errors* t = errors();
        if (!t) throw std::bad_alloc();
        const std::string message = refused->message(lang::en);
        t->last_load.reset();
        t->last_load.emplace(std::move(*refused));
        set_error("%s", message.c_str());
        return MG_ERR_LOAD;
    });
}

size_t mg_engine_notice_count(const mg_engine* e) {
    return e ? e->notices.size() : 0;
}

const char* mg_engine_notice(mg_engine* e, size_t index, int lng) {
    lang l;
    if (!e || index >= e->notices.size() || !get_lang(lng, l)) return nullptr;
    try {
        e->notice_text = e->notices[index].message(l);
    } catch (...) {
        set_nomem(); // the only thing that can fail here
        return nullptr;
    }
    return e->notice_text.c_str();
}

int mg_engine_set_year_end(mg_engine* e, int first_month, int first_day, int last_month,
                           int last_day) {
    return guarded([&] {
        if (!e) return arg_error("engine is NULL");
        desk d = e->support;
        d.has_year_end_break = true;
        d.break_first = {first_month, first_day};
        d.break_last = {last_month, last_day};
        if (!detail::valid_desk(d)) return arg_error("not a valid month and day");
        e->support = d;
        return MG_OK;
    });
}

int mg_association_count(const mg_engine* e, size_t* count) {
    clear_error();
    if (!e) return arg_error("engine is NULL");
    if (!count) return arg_error("count is NULL");
    *count = e->dir.size();
    return MG_OK;
}

int mg_association_at(const mg_engine* e, size_t index, int lng, mg_association_info* out) {
    clear_error();
    lang l;
    if (!e) return arg_error("engine is NULL");
    if (!out) return arg_error("out is NULL");
    if (!get_lang(lng, l)) return arg_error("lang");
    if (!known_version(out->version, MG_ASSOCIATION_INFO_VERSION))
        return version_error("mg_association_info", out->version, MG_ASSOCIATION_INFO_VERSION);
    if (index >= e->dir.size()) return arg_error("index out of range");
    fill_association(e->dir, index, l, *out);
    return MG_OK;
}

int mg_association_find(const mg_engine* e, const char* code, int lng, mg_association_info* out) {
    clear_error();
    lang l;
    if (!e) return arg_error("engine is NULL");
    if (!code) return arg_error("code is NULL");
    if (!out) return arg_error("out is NULL");
    if (!get_lang(lng, l)) return arg_error("lang");
    if (!known_version(out->version, MG_ASSOCIATION_INFO_VERSION))
        return version_error("mg_association_info", out->version, MG_ASSOCIATION_INFO_VERSION);
    const auto v = e->dir.find(code);
    if (!v) {
        set_error("unknown_association: %s", code);
        return MG_UNKNOWN_ASSOCIATION;
    }
    fill_association(e->dir, *v, l, *out);
    return MG_OK;
}

int mg_plan_json(const mg_engine* e, const char* req, size_t len, char** response) {
    if (!response) {
        set_error("invalid argument: response is NULL");
        return MG_ERR_ARGUMENT;
    }
    *response = nullptr;
    return guarded([&] {
        if (!e || (!req && len)) {
            std::string buffer;
            json::write_refusal_only(buffer, texts::msg_invalid_request, !e ? "engine" : "request",
                                     lang::ja);
            *response = dup(buffer);
            return arg_error(!e ? "engine is NULL" : "request is NULL");
        }
        int status = 0;
        *response = json::respond_owned(e->dir, std::string_view(req ? req : "", len), status);
        if (!*response) throw std::bad_alloc();
        return status;
    });
}

int mg_plan_json_to(const mg_engine* e, const char* req, size_t len, char* out, size_t capacity,
                    size_t* size) {
    if (!size) return arg_error("size is NULL");
    *size = 0;
    if (!out && capacity) return arg_error("out is NULL");
    return guarded([&] {
        std::string refusal;
        std::string_view response;
        json::out_buffer* scratch = nullptr; // the thread's block, when the response is in it
        int status = 0;
        if (!e || (!req && len)) { // as mg_plan_json: still a response of the contract
            json::write_refusal_only(refusal, texts::msg_invalid_request, !e ? "engine" : "request",
                                     lang::ja);
            response = refusal;
            status = arg_error(!e ? "engine is NULL" : "request is NULL");
        } else {
            response = json::respond_scratch(e->dir, std::string_view(req ? req : "", len), status,
                                             scratch);
            if (status < 0) throw std::bad_alloc();
        }
        *size = response.size();
        const bool fits = response.size() <= capacity;
        if (fits) std::memcpy(out, response.data(), response.size()); // never empty: a response
        if (scratch) json::release_scratch_if_large(*scratch);
        if (!fits) {
            set_error("buffer too small: the response needs %zu bytes", response.size());
            return MG_ERR_BUFFER;
        }
        return status;
    });
}

int mg_batch_json(const mg_engine* e, const char* input, size_t len, char** out) {
    return guarded([&] {
        if (!out) return arg_error("out is NULL");
        *out = nullptr;
        if (!e) return arg_error("engine is NULL");
        if (!input && len) return arg_error("input is NULL");
        json::out_buffer buf;
        json::batch_lines lines(e->dir);
        std::string_view rest(input ? input : "", len);
        while (!rest.empty()) rest.remove_prefix(lines.feed(rest, buf));
        lines.finish(buf);
        buf.push_back('\0');
        *out = buf.release();
        return MG_OK;
    });
}

int mg_plan(const mg_engine* e, const mg_member* m, const mg_request* r, int lng, mg_result* out) {
    if (!r) return arg_error("request is NULL");
    if (!known_version(r->version, MG_REQUEST_VERSION))
        return version_error("mg_request", r->version, MG_REQUEST_VERSION);
    request q;
    if (!to_request(r, q)) return arg_error("request.operation or request.levels out of range");
    return typed(e, m, q, lng, out);
}

int mg_join(const mg_engine* e, const mg_member* m, const char* municipal, unsigned levels,
            const char* const categories[3], int proxy, int lng, mg_result* out) {
    request q = requests::join(view(municipal), level_set::from_bits(levels), views(categories));
    if (levels > 7) return arg_error("levels");
    q.proxy = proxy != 0;
    return typed(e, m, q, lng, out);
}

int mg_additional_join(const mg_engine* e, const mg_member* m, unsigned levels,
                       const char* const categories[3], int proxy, int lng, mg_result* out) {
    if (levels > 7) return arg_error("levels");
    request q = requests::additional_join(level_set::from_bits(levels), views(categories));
    q.proxy = proxy != 0;
    return typed(e, m, q, lng, out);
}

int mg_change_category(const mg_engine* e, const mg_member* m, const char* const categories[3],
                       int proxy, int lng, mg_result* out) {
    request q = requests::change_category(views(categories));
    q.proxy = proxy != 0;
    return typed(e, m, q, lng, out);
}

int mg_change_facility(const mg_engine* e, const mg_member* m, const char* reason, int proxy,
                       int lng, mg_result* out) {
    request q = requests::change_facility(view(reason));
    q.proxy = proxy != 0;
    return typed(e, m, q, lng, out);
}

int mg_transfer(const mg_engine* e, const mg_member* m, const char* destination,
                const char* const categories[3], const char* reason, int proxy, int lng,
                mg_result* out) {
    request q = requests::transfer(view(destination), views(categories), view(reason));
    q.proxy = proxy != 0;
    return typed(e, m, q, lng, out);
}

int mg_withdraw(const mg_engine* e, const mg_member* m, unsigned levels, int cascade, int proxy,
                int lng, mg_result* out) {
    if (levels > 7) return arg_error("levels");
    request q = requests::withdraw(level_set::from_bits(levels), cascade != 0);
    q.proxy = proxy != 0;
    return typed(e, m, q, lng, out);
}

int mg_check_levels(unsigned held, int op, unsigned levels, int cascade) {
    if (held > 7 || levels > 7 || op < MG_OP_JOIN || op > MG_OP_WITHDRAW)
        return arg_error("held, operation or levels out of range");
    const auto c = check_levels(level_set::from_bits(held), static_cast<operation>(op),
                                level_set::from_bits(levels), cascade != 0);
    return c ? static_cast<int>(*c) : MG_OK;
}

int mg_mypage_step(int page, int lng, mg_prerequisite_info* out, size_t* count) {
    clear_error();
    lang l;
    if (!out) return arg_error("out is NULL");
    if (!count) return arg_error("count is NULL");
    if (!get_lang(lng, l)) return arg_error("lang");
    if (page < MG_MYPAGE_YES || page > MG_MYPAGE_UNKNOWN) return arg_error("mypage");
    if (!known_version(out->version, MG_PREREQUISITE_INFO_VERSION))
        return version_error("mg_prerequisite_info", out->version, MG_PREREQUISITE_INFO_VERSION);
    zero_after_version(out, v1_end_prerequisite);
    const auto pre = mypage_prerequisites(static_cast<mypage>(page));
    *count = pre.size();
    if (*count) fill_prerequisite(pre[0], l, *out);
    return MG_OK;
}

int mg_recommend_category(int role, int opt_out, int lng, const char** code, const char** label) {
    clear_error();
    lang l;
    if (!code) return arg_error("code is NULL");
    if (!get_lang(lng, l)) return arg_error("lang");
    if (role < MG_ROLE_FOUNDER_MANAGER || role > MG_ROLE_OTHER) return arg_error("role");
    const auto c = jma_category_for(static_cast<doctor_role>(role), opt_out != 0);
    if (!c) {
        *code = nullptr;
        if (label) *label = nullptr;
        set_error("no_category: %s", c.error().message->get(l));
        return MG_NO_CATEGORY;
    }
    *code = (*c)->code;
    if (label) *label = (*c)->label.get(l);
    return MG_OK;
}

int mg_guide_json(int lng, char** out) {
    return guarded([&] {
        lang l;
        if (!out) return arg_error("out is NULL");
        *out = nullptr;
        if (!get_lang(lng, l)) return arg_error("lang");
        std::string s;
        json::write_guide(s, l);
        return out_string(out, s);
    });
}

int mg_web_texts_json(int lng, char** out) {
    return guarded([&] {
        lang l;
        if (!out) return arg_error("out is NULL");
        *out = nullptr;
        if (!get_lang(lng, l)) return arg_error("lang");
        std::string s;
        json::write_web_texts(s, l);
        return out_string(out, s);
    });
}

int mg_guide_categories_json(const mg_engine* e, const char* leaf, const char* member_municipal,
                             unsigned member_levels, const char* municipal, unsigned levels,
                             int lng, char** out) {
    return guarded([&] {
        lang l;
        if (!out) return arg_error("out is NULL");
        *out = nullptr;
        if (!e) return arg_error("engine is NULL");
        if (!leaf) return arg_error("leaf is NULL");
        if (member_levels > MG_LEVELS_ALL || levels > MG_LEVELS_ALL)
            return arg_error("levels out of range");
        if (!get_lang(lng, l)) return arg_error("lang");
        std::string s;
        const int status = json::write_guide_categories(
            s, e->dir, leaf, member_municipal ? member_municipal : "",
            level_set::from_bits(member_levels), municipal ? municipal : "",
            level_set::from_bits(levels), l);
        out_string(out, s); // MG_OK, or std::bad_alloc thrown
        return status;
    });
}

int mg_directory_dot(const mg_engine* e, int lng, char** out) {
    return guarded([&] {
        lang l;
        if (!out) return arg_error("out is NULL");
        *out = nullptr;
        if (!e) return arg_error("engine is NULL");
        if (!get_lang(lng, l)) return arg_error("lang");
        std::ostringstream os;
        os.exceptions(std::ios::badbit); // a failed allocation is thrown, not a cut-off text
        write_directory_dot(os, e->dir, l);
        return out_string(out, os.str());
    });
}

int mg_transitions_dot(int lng, char** out) {
    return guarded([&] {
        lang l;
        if (!out) return arg_error("out is NULL");
        *out = nullptr;
        if (!get_lang(lng, l)) return arg_error("lang");
        std::ostringstream os;
        os.exceptions(std::ios::badbit); // a failed allocation is thrown, not a cut-off text
        write_transitions_dot(os, make_transition_graph(), l);
        return out_string(out, os.str());
    });
}

int mg_support_contact_info(int lng, mg_support_contact* out) {
    clear_error();
    lang l;
    if (!out) return arg_error("out is NULL");
    if (!get_lang(lng, l)) return arg_error("lang");
    if (!known_version(out->version, MG_SUPPORT_CONTACT_VERSION))
        return version_error("mg_support_contact", out->version, MG_SUPPORT_CONTACT_VERSION);
    out->name = texts::desk_name.get(l);
    out->phone = texts::desk_phone;
    out->mail = texts::desk_mail;
    out->hours = texts::desk_hours.get(l);
    return MG_OK;
}

int mg_support_status(const mg_engine* e, int64_t t, int lng, mg_support_info* out) {
    clear_error();
    lang l;
    if (!out) return arg_error("out is NULL");
    if (!get_lang(lng, l)) return arg_error("lang");
    if (!known_version(out->version, MG_SUPPORT_INFO_VERSION))
        return version_error("mg_support_info", out->version, MG_SUPPORT_INFO_VERSION);
    zero_after_version(out, v1_end_support);
    const auto st = support_status(e ? e->support : default_desk(), t);
    if (!st) { // out_of_range: an engine's desk is valid (mg_engine_set_year_end checks it)
        set_error("%s", label(st.error()).en);
        return MG_ERR_RANGE;
    }
    out->open = st->open;
    out->reason = static_cast<int>(st->reason);
    out->reason_text = label(st->reason).get(l);
    out->holiday = st->holiday ? label(*st->holiday).get(l) : nullptr;
    out->next_open = st->next_open;
    const jst_text iso = format_jst(st->next_open);
    const std::string_view v = iso.view();
    const std::size_t n =
        v.size() < sizeof out->next_open_iso - 1 ? v.size() : sizeof out->next_open_iso - 1;
    std::memcpy(out->next_open_iso, v.data(), n);
    out->next_open_iso[n] = '\0';
    return MG_OK;
}

int mg_parse_instant(const char* text, int64_t* out) {
    clear_error();
    if (!text) return arg_error("text is NULL");
    if (!out) return arg_error("out is NULL");
    const auto t = parse_instant(text);
    if (!t) {
        set_error("%s", label(t.error()).en);
        return MG_ERR_PARSE;
    }
    *out = *t;
    return MG_OK;
}

int mg_holidays(int year, int lng, mg_holiday_info* out, size_t capacity, size_t* count) {
    clear_error();
    lang l;
    if (!count) return arg_error("count is NULL");
    if (!get_lang(lng, l)) return arg_error("lang");
    if (out && capacity && !known_version(out->version, MG_HOLIDAY_INFO_VERSION))
        return version_error("mg_holiday_info", out->version, MG_HOLIDAY_INFO_VERSION);
    const auto list = holidays_in(year);
    if (!list) {
        set_error("%s", label(list.error()).en);
        return MG_ERR_RANGE;
    }
    *count = list->size();
    if (!out || capacity < list->size()) {
        set_error("buffer too small: %zu holidays", list->size());
        return MG_ERR_BUFFER;
    }
    // The stride is the size of out[0]'s version (1.0: sizeof mg_holiday_info, frozen).
    const std::size_t stride = v1_size_holiday;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const holiday& h = (*list)[i];
        auto* o = reinterpret_cast<mg_holiday_info*>(reinterpret_cast<char*>(out) + i * stride);
        *o = {1, h.date.year, h.date.month, h.date.day, h.name().ja, h.name().en};
    }
    (void)l;
    return MG_OK;
}

int mg_directory_json(const mg_engine* e, const char* text, const char* prefecture,
                      const char* code, int lng, char** out) {
    return guarded([&] {
        lang l;
        if (!out) return arg_error("out is NULL");
        *out = nullptr;
        if (!e) return arg_error("engine is NULL");
        if (!get_lang(lng, l)) return arg_error("lang");
        directory_query q;
        if (text) q.text = text;
        if (code) q.code = code;
        if (prefecture && *prefecture) {
            const auto p = parse_prefecture(prefecture);
            if (!p) return arg_error("prefecture: not a JIS code 1-47 or a prefecture's name");
            q.prefecture = *p;
        }
        std::string s;
        json::write_directory(s, e->dir, search(e->dir, q), l);
        return out_string(out, s);
    });
}

int mg_association_json(const mg_engine* e, const char* code, int lng, char** out) {
    return guarded([&] {
        lang l;
        if (!out) return arg_error("out is NULL");
        *out = nullptr;
        if (!e) return arg_error("engine is NULL");
        if (!code) return arg_error("code is NULL");
        if (!get_lang(lng, l)) return arg_error("lang");
        const auto v = e->dir.find(code);
        if (!v) {
            set_error("unknown association: %s", code);
            return MG_UNKNOWN_ASSOCIATION;
        }
        std::string s;
        json::write_association(s, e->dir, *v, l);
        return out_string(out, s);
    });
}

int mg_support_json(const mg_engine* e, int64_t t, int lng, char** out) {
    return guarded([&] {
        lang l;
        if (!out) return arg_error("out is NULL");
        *out = nullptr;
        if (!get_lang(lng, l)) return arg_error("lang");
        const desk& d = e ? e->support : default_desk();
        std::string s;
        if (!json::write_support(s, d, t, l)) {
            const auto st = support_status(d, t);
            set_error("%s", label(st.error()).en); // out_of_range, as in mg_support_status
            return MG_ERR_RANGE;
        }
        return out_string(out, s);
    });
}

int mg_holidays_json(int year, int lng, char** out) {
    return guarded([&] {
        lang l;
        if (!out) return arg_error("out is NULL");
        *out = nullptr;
        if (!get_lang(lng, l)) return arg_error("lang");
        std::string s;
        if (!json::write_holidays(s, year, l)) {
            set_error("%s", label(holiday_errc::year_out_of_range).en);
            return MG_ERR_RANGE;
        }
        return out_string(out, s);
    });
}

int mg_mypage_step_json(int page, int lng, char** out) {
    return guarded([&] {
        lang l;
        if (!out) return arg_error("out is NULL");
        *out = nullptr;
        if (!get_lang(lng, l)) return arg_error("lang");
        if (page < MG_MYPAGE_YES || page > MG_MYPAGE_UNKNOWN) return arg_error("mypage");
        std::string s;
        json::write_mypage_step(s, static_cast<mypage>(page), l);
        return out_string(out, s);
    });
}

int mg_last_load_error_json(int lng, char** out) {
    return guarded([&] {
        lang l;
        if (!out) return arg_error("out is NULL");
        *out = nullptr;
        if (!get_lang(lng, l)) return arg_error("lang");
        const thread_errors* t = existing_errors();
        if (!t || !t->last_load) return arg_error("no load has failed on this thread");
        std::string s;
        json::write_load_error(s, *t->last_load, l);
        return out_string(out, s);
    });
}

const char* mg_operation_name(int v) {
    return enum_name<operation>(v, MG_OP_WITHDRAW + 1);
}
const char* mg_level_name(unsigned bit) {
    switch (bit) {
    case MG_LEVEL_MUNICIPAL:
        return to_string(level::municipal).data();
    case MG_LEVEL_PREFECTURAL:
        return to_string(level::prefectural).data();
    case MG_LEVEL_NATIONAL:
        return to_string(level::national).data();
    default:
        return nullptr;
    }
}
const char* mg_mypage_name(int v) {
    return enum_name<mypage>(v, MG_MYPAGE_UNKNOWN + 1);
}
const char* mg_lang_name(int v) {
    return v == MG_LANG_JA ? "ja" : v == MG_LANG_EN ? "en" : nullptr;
}
const char* mg_form_name(int v) {
    return enum_name<form_kind>(v, MG_FORM_WITHDRAWAL + 1);
}
const char* mg_selection_name(int v) {
    if (v == MG_SELECTION_NONE) return nullptr;
    return enum_name<selection>(v, MG_SELECTION_ASSOCIATION_TRANSFER + 1);
}
const char* mg_actor_name(int v) {
    return enum_name<actor>(v, MG_ACTOR_SECRETARIAT + 1);
}
const char* mg_prerequisite_name(int v) {
    return enum_name<prerequisite_kind>(v, MG_PREREQ_MYPAGE_CHECK + 1);
}
const char* mg_note_name(int v) {
    return enum_name<note_kind>(v, MG_NOTE_CATEGORY_IGNORED + 1);
}
const char* mg_role_name(int v) {
    return enum_name<doctor_role>(v, MG_ROLE_OTHER + 1);
}
const char* mg_desk_reason_name(int v) {
    return enum_name<support_reason>(v, MG_DESK_YEAR_END + 1);
}

void mg_free(void* p) {
    std::free(p);
}

} // extern "C"
