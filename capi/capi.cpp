// mamisguide — the C ABI over the header-only core. Every entry point catches everything:
// no C++ exception crosses this boundary (cf. {fmt}'s fmt-c layer).
#include "mamisguide.h"

#include "json.hpp"

#include <mamisguide/mamisguide.hpp>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <sstream>
#include <string>

using namespace mamisguide;

struct mg_engine {
    directory dir = directory::builtin();
    desk support = default_desk();
};

namespace {

// ---- errors -----------------------------------------------------------------------------------

thread_local char last_error[1024] = "";
// A refusal's message is formatted only when asked for (mg_last_error), so that the typed hot
// path pays two stores, not a printf.
thread_local const char* pending_code = nullptr;
thread_local const char* pending_message = nullptr;

void set_error(const char* fmt, ...) noexcept {
    pending_code = nullptr;
    va_list ap;
    va_start(ap, fmt);
    const int n = std::vsnprintf(last_error, sizeof last_error, fmt, ap);
    va_end(ap);
    // A message cut to fit must stay UTF-8: drop a character the cut left incomplete.
    if (n >= static_cast<int>(sizeof last_error)) {
        std::size_t end = sizeof last_error - 1, lead = end;
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

void clear_error() noexcept {
    pending_code = nullptr;
    last_error[0] = '\0';
}

void set_refusal_error(const char* code, const char* message) noexcept {
    last_error[0] = '\0';
    pending_code = code;
    pending_message = message;
}

int arg_error(const char* what) noexcept {
    set_error("invalid argument: %s", what);
    return MG_ERR_ARGUMENT;
}

/// Runs `f`, turning any exception into a status.
template <class F>
int guarded(F&& f) noexcept {
    try {
        clear_error();
        return f();
    } catch (const std::bad_alloc&) {
        set_error("out of memory");
        return MG_ERR_NOMEM;
    } catch (const std::exception& e) {
        set_error("internal error: %s", e.what());
        return MG_ERR_INTERNAL;
    } catch (...) {
        set_error("internal error");
        return MG_ERR_INTERNAL;
    }
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
    r.operation = static_cast<int>(q.op);
    r.levels = q.levels.bits();
    r.municipal = cstr(q.municipal);
    c_strings(q.categories, r.categories);
    r.reason = cstr(q.reason);
    r.cascade = q.cascade;
    r.proxy = q.proxy;
}

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
        o.checked[i] = {1u << index_of(a.lvl), cstr(a.code), cstr(a.name_in(l)), nullptr};
    }
    o.n_categories = p.categories.size();
    for (std::size_t i = 0; i < p.categories.size(); ++i) {
        const category_choice& c = p.categories[i];
        o.categories[i] = {1u << index_of(c.lvl), cstr(c.code),
                           cstr(l == lang::en ? c.label_en : c.label_ja), c.checked};
    }
    o.n_prerequisites = p.prerequisites.size();
    for (std::size_t i = 0; i < p.prerequisites.size(); ++i)
        fill_prerequisite(p.prerequisites[i], l, o.prerequisites[i]);
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
        out->refusal.suggestion = mg_request{};
    out->refusal.levels = no.levels.bits();
    out->refusal.n_associations = no.associations.size();
    for (std::size_t i = 0; i < no.associations.size(); ++i) {
        const checked_association& a = no.associations[i];
        out->refusal.associations[i] = {1u << index_of(a.lvl), cstr(a.code), cstr(a.name_in(l)),
                                        nullptr};
    }
    out->refusal.value = cstr(no.value);
    out->refusal.problem =
        no.problem == state_problem::none ? nullptr : to_string(no.problem).data();
    refusal_message(no, l, out->refusal.text, sizeof out->refusal.text);
    set_refusal_error(out->refusal.code_name, out->refusal.message);
    return out->status;
}

/// The shared preamble of the typed functions: checks pointers and enums.
/// (The hot path: a success leaves mg_last_error() as it was, touching no thread-local state.)
int typed(const mg_engine* e, const mg_member* m, const request& q, int lng,
          mg_result* out) noexcept {
    if (!e) return arg_error("engine is NULL");
    if (!m) return arg_error("member is NULL");
    if (!out) return arg_error("out is NULL");
    lang l;
    if (!get_lang(lng, l)) return arg_error("lang");
    member_state s;
    if (!to_member(m, s)) return arg_error("member.mypage or member.levels out of range");
    if (q.levels.bits() > 7) return arg_error("levels");
    return plan_typed(e, s, q, l, out);
}

/// The last refused load on this thread, for mg_last_load_error_json.
thread_local std::optional<load_error> last_load_error;

int load_result(mg_engine* e, tl::expected<directory, load_error>&& r) {
    if (!r) {
        last_load_error = r.error();
        set_error("%s", r.error().message(lang::en).c_str());
        return r.error().kind == load_error_kind::unreadable ? MG_ERR_IO : MG_ERR_LOAD;
    }
    e->dir = std::move(*r);
    return MG_OK;
}

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
    default:
        return "unknown_status";
    }
}

const char* mg_last_error(void) {
    if (pending_code) set_error("%s: %s", pending_code, pending_message);
    return last_error;
}

int mg_engine_new(mg_engine** out) {
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
        return load_result(e, json::load_master_file_any(e->dir, path));
    });
}

int mg_engine_load_directory_buffer(mg_engine* e, const char* data, size_t len) {
    return guarded([&] {
        if (!e) return arg_error("engine is NULL");
        if (!data && len) return arg_error("data is NULL");
        return load_result(e,
                           json::load_master_any(e->dir, std::string_view(data ? data : "", len)));
    });
}

int mg_engine_load_categories(mg_engine* e, const char* path) {
    return guarded([&] {
        if (!e) return arg_error("engine is NULL");
        if (!path) return arg_error("path is NULL");
        return load_result(e, load_categories_file(e->dir, path));
    });
}

int mg_engine_load_categories_buffer(mg_engine* e, const char* data, size_t len) {
    return guarded([&] {
        if (!e) return arg_error("engine is NULL");
        if (!data && len) return arg_error("data is NULL");
        return load_result(e, load_categories(e->dir, std::string_view(data ? data : "", len)));
    });
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
        thread_local std::string buffer;
        buffer.clear();
        if (!e || (!req && len)) {
            json::write_refusal_only(buffer, texts::msg_invalid_request, !e ? "engine" : "request",
                                     lang::ja);
            *response = dup(buffer);
            return arg_error(!e ? "engine is NULL" : "request is NULL");
        }
        const int status = json::respond(e->dir, std::string_view(req ? req : "", len), buffer);
        if (status < 0) throw std::bad_alloc();
        *response = dup(buffer);
        return status;
    });
}

int mg_plan(const mg_engine* e, const mg_member* m, const mg_request* r, int lng, mg_result* out) {
    if (!r) return arg_error("request is NULL");
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
    std::memset(out, 0, sizeof *out);
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

int mg_directory_dot(const mg_engine* e, int lng, char** out) {
    return guarded([&] {
        lang l;
        if (!out) return arg_error("out is NULL");
        *out = nullptr;
        if (!e) return arg_error("engine is NULL");
        if (!get_lang(lng, l)) return arg_error("lang");
        std::ostringstream os;
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
        write_transitions_dot(os, make_transition_graph(), l);
        return out_string(out, os.str());
    });
}

int mg_support_contact_info(int lng, mg_support_contact* out) {
    clear_error();
    lang l;
    if (!out) return arg_error("out is NULL");
    if (!get_lang(lng, l)) return arg_error("lang");
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
    std::memset(out, 0, sizeof *out);
    const auto st = support_status(e ? e->support : default_desk(), t);
    if (!st) {
        set_error("%s", error_text(st.error()).en);
        return st.error() == support_errc::out_of_range ? MG_ERR_RANGE : MG_ERR_ARGUMENT;
    }
    out->open = st->open;
    out->reason = static_cast<int>(st->reason);
    out->reason_text = reason_text(st->reason).get(l);
    out->holiday = st->holiday ? holiday_name(*st->holiday).get(l) : nullptr;
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
        set_error("%s", error_text(t.error()).en);
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
    const auto list = holidays_in(year);
    if (!list) {
        set_error("%s", error_text(list.error()).en);
        return MG_ERR_RANGE;
    }
    *count = list->size();
    if (!out || capacity < list->size()) {
        set_error("buffer too small: %zu holidays", list->size());
        return MG_ERR_BUFFER;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const holiday& h = (*list)[i];
        out[i] = {h.date.year, h.date.month, h.date.day, h.name().ja, h.name().en};
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
            set_error("%s", error_text(st.error()).en);
            return st.error() == support_errc::out_of_range ? MG_ERR_RANGE : MG_ERR_ARGUMENT;
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
            set_error("%s", error_text(holiday_errc::year_out_of_range).en);
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
        if (!last_load_error) return arg_error("no load has failed on this thread");
        std::string s;
        json::write_load_error(s, *last_load_error, l);
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
