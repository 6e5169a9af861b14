// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the contract's answers: a plan, a refusal (json.hpp).
#include "json_sink.hpp"

#include <array>
#include <cstdlib>
#include <map>
#include <new>
#include <string>
#include <vector>

namespace mamisguide::json {

out_buffer::~out_buffer() {
    std::free(data_);
}

void out_buffer::reserve(std::size_t n) {
    if (n <= cap_) return;
    // Twice the old size when a writer outgrows it (amortised appends), exactly what is asked
    // for when that is more (a batch reserves its block once); 2 KiB at least, a response's size.
    std::size_t cap = n > 2 * cap_ ? n : 2 * cap_;
    if (cap < 2048) cap = 2048;
    char* p = static_cast<char*>(std::realloc(data_, cap));
    if (!p) throw std::bad_alloc();
    data_ = p;
    cap_ = cap;
}

void out_buffer::release_memory() noexcept {
    std::free(data_);
    data_ = nullptr;
    size_ = cap_ = 0;
}

namespace emit {

/// Appends a number in decimal, without allocating.
void number(sink& out, std::uint64_t n) {
    char digits[20];
    std::size_t k = sizeof digits;
    do {
        digits[--k] = static_cast<char>('0' + n % 10);
        n /= 10;
    } while (n);
    out.append(digits + k, sizeof digits - k);
}

void levels_array(sink& out, level_set s) {
    // Every set of levels, written once: ["municipal",…] in one append.
    static constexpr std::string_view arrays[8] = {"[]",
                                                   "[\"municipal\"]",
                                                   "[\"prefectural\"]",
                                                   "[\"municipal\",\"prefectural\"]",
                                                   "[\"national\"]",
                                                   "[\"municipal\",\"national\"]",
                                                   "[\"prefectural\",\"national\"]",
                                                   "[\"municipal\",\"prefectural\",\"national\"]"};
    raw(out, arrays[s.bits() & 7u]);
}

void categories_object(sink& out, level_set s, const per_level<std::string_view>& c) {
    // Codes are short and need no escaping, as a rule: then the object is one run.
    static constexpr std::string_view keys[] = {"\"municipal\":\"", "\"prefectural\":\"",
                                                "\"national\":\""};
    std::size_t most = 2;
    bool plain = true;
    for (level l : s) {
        most += keys[index_of(l)].size() + c[l].size() + 2;
        plain = plain && c[l].size() <= 64 && json_plain(c[l]);
    }
    if (plain) {
        char* w = out.run(most);
        *w++ = '{';
        bool first = true;
        for (level l : s) {
            if (c[l].empty()) continue;
            if (!first) *w++ = ',';
            first = false;
            w = sink::put(w, keys[index_of(l)]);
            w = sink::put(w, c[l]);
            *w++ = '"';
        }
        *w++ = '}';
        out.done(w);
        return;
    }
    out.push_back('{');
    bool first = true;
    for (level l : s) {
        if (c[l].empty()) continue;
        key(out, l, first);
        str(out, c[l]);
    }
    out.push_back('}');
}

void text_array(sink& out, const fixed_vector<const bitext*, 8>& v, lang l) {
    out.push_back('[');
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out.push_back(',');
        text(out, *v[i], l);
    }
    out.push_back(']');
}

void support_object(sink& out, lang l) {
    out.push_back('{');
    bool first = true;
    key(out, "name", first);
    text(out, texts::desk_name, l);
    key(out, "phone", first);
    str(out, texts::desk_phone);
    key(out, "mail", first);
    str(out, texts::desk_mail);
    key(out, "hours", first);
    text(out, texts::desk_hours, l);
    out.push_back('}');
}

/// One prerequisite of STEP 1 (a plan's "prerequisites" entry, mg_mypage_step_json).
void prerequisite_to(sink& out, const prerequisite& q, lang l) {
    bool f = true;
    out.push_back('{');
    key(out, "kind", f);
    name(out, to_string(q.kind));
    key(out, "steps", f);
    out.push_back('[');
    for (std::size_t k = 0; k < q.steps.size(); ++k) {
        if (k) out.push_back(',');
        text(out, *q.steps[k], l);
    }
    out.push_back(']');
    key(out, "manual", f);
    text(out, *q.manual, l);
    if (q.kind == prerequisite_kind::mypage_check) {
        key(out, "methods", f);
        raw(out, "[\"initial_login\",\"member_search\"]");
    }
    if (q.support_desk) {
        key(out, "support", f);
        support_object(out, l);
    }
    out.push_back('}');
}

/// An association a plan ticks or a refusal names: `{"level", "code", "name"}`. `plain`: the
/// directory's strings need no escaping.
void association_ref(sink& out, const checked_association& a, lang l, bool plain) {
    // The level with the keys around it, one literal a level.
    static constexpr std::string_view heads[] = {
        "{\"level\":\"municipal\",\"code\":", "{\"level\":\"prefectural\",\"code\":",
        "{\"level\":\"national\",\"code\":"};
    const std::size_t i = index_of(a.lvl);
    const std::string_view head = heads[i < 3 ? i : 0]; // to_string(level)'s for one out of range
    const std::string_view name = a.name_in(l);
    if (plain && a.code.size() + name.size() <= 1024) { // one run (see sink::run)
        char* w = out.run(head.size() + a.code.size() + name.size() + 14);
        w = sink::put(w, head);
        *w++ = '"';
        w = sink::put(w, a.code);
        w = sink::put(w, "\",\"name\":\"", 10);
        w = sink::put(w, name);
        w = sink::put(w, "\"}", 2);
        out.done(w);
        return;
    }
    raw(out, head);
    str(out, a.code, plain);
    raw(out, ",\"name\":");
    str(out, a.name_in(l), plain);
    out.push_back('}');
}

void write_request(sink& out, const request& r) {
    out.push_back('{');
    bool first = true;
    key(out, "operation", first);
    name(out, to_string(r.op));
    const bool takes_levels = r.op == operation::join || r.op == operation::additional_join ||
                              r.op == operation::change_category || r.op == operation::withdraw;
    if (takes_levels) {
        key(out, "levels", first);
        levels_array(out, r.levels);
    }
    if (!r.municipal.empty()) {
        key(out, "municipal", first);
        str(out, r.municipal);
    }
    if (!given_levels(r.categories).empty()) {
        key(out, "categories", first);
        categories_object(out, given_levels(r.categories), r.categories);
    }
    if (!r.reason.empty()) {
        key(out, "reason", first);
        str(out, r.reason);
    }
    // No "cascade": a suggestion names the widened levels itself and never asks for a cascade
    // (rules.hpp: variant_of; test_public_headers plans every class of request to check it).
    if (r.proxy) {
        key(out, "proxy", first);
        raw(out, "true");
    }
    out.push_back('}');
}

void write_line_field(sink& out, std::size_t line, bool& first) {
    if (line == 0) return;
    key(out, "line", first);
    number(out, line);
}

// The plan's fields come in one fixed order, so each key is written with its punctuation as one
// literal (`,"form":`), not key by key with a "first" flag. The parts that depend on the plan's
// class alone (and the language) are written by the functions below, once per class at load
// (class_texts) and field by field for a plan without a class.

/// From the form to the opening of "checked": `","form":"…","form_label":…,"checked":[`.
void form_part(sink& out, form_kind form, const bitext& form_label, selection sel,
               const bitext* selection_label, lang l) {
    raw(out, "\",\"form\":\"");
    raw(out, to_string(form));
    raw(out, "\",\"form_label\":");
    text(out, form_label, l);
    raw(out, ",\"selection\":");
    if (sel == selection::none)
        raw(out, "null");
    else
        name(out, to_string(sel));
    raw(out, ",\"selection_label\":");
    text_or_null(out, selection_label, l);
    raw(out, ",\"checked\":[");
}

/// STEP 1: `},"prerequisites":[…],"steps":`.
void prerequisites_part(sink& out, const fixed_vector<prerequisite, 1>& q, lang l) {
    raw(out, "},\"prerequisites\":[");
    if (!q.empty()) prerequisite_to(out, q[0], l); // at most one (fixed_vector<…, 1>)
    raw(out, "],\"steps\":");
}

/// The steps to the opening of "result": `[…],"manual":…,"actor":"…","result":{"municipal":`.
void steps_part(sink& out, const fixed_vector<const bitext*, 8>& steps, const bitext& manual,
                actor who, lang l) {
    text_array(out, steps, l);
    raw(out, ",\"manual\":");
    text(out, manual, l);
    raw(out, ",\"actor\":\"");
    raw(out, to_string(who));
    // The contract's example exactly; categories only when some are known.
    raw(out, "\",\"result\":{\"municipal\":");
}

/// The guide's case and the plan's end: `,"case":{"label":…,"instruction":…}}`.
void case_part(sink& out, const bitext* guide_case, const bitext* instruction, lang l) {
    raw(out, ",\"case\":{\"label\":");
    text_or_null(out, guide_case, l);
    raw(out, ",\"instruction\":");
    text_or_null(out, instruction, l);
    raw(out, "}}");
}

/// A note's start: `{"kind":"…","text":…,"levels":`.
void note_head(sink& out, note_kind kind, const bitext& text_of_note, lang l) {
    raw(out, "{\"kind\":\"");
    raw(out, to_string(kind));
    raw(out, "\",\"text\":");
    text(out, text_of_note, l);
    raw(out, ",\"levels\":");
}

/// The note on a plan made on the bundled sample master (issue 17).
void sample_note(sink& out, lang l) {
    raw(out, "{\"kind\":\"sample_directory\",\"text\":");
    text(out, texts::sample_note, l);
    raw(out, ",\"levels\":[]}");
}

namespace {

/// The notes rules.hpp makes: each kind with the texts it comes with.
struct known_note {
    note_kind kind;
    const bitext* text;
};
constexpr known_note known_notes[] = {
    {note_kind::cascade_applied, &texts::note_cascade_prefectural},
    {note_kind::cascade_applied, &texts::note_cascade_national},
    {note_kind::cascade_applied, &texts::note_cascade_prefectural_national},
    {note_kind::prefectural_moves, &texts::note_prefectural_moves},
    {note_kind::prefectural_stays, &texts::note_prefectural_stays},
    {note_kind::national_continues, &texts::note_national_continues},
    {note_kind::category_unchecked, &texts::note_category_unchecked},
    {note_kind::proxy, &texts::note_proxy},
    {note_kind::category_ignored, &texts::note_category_ignored},
};
constexpr std::size_t n_note_kinds = static_cast<std::size_t>(note_kind::category_ignored) + 1;
constexpr std::size_t texts_per_note_kind = 3;
constexpr bool known_notes_fit() noexcept {
    for (std::size_t k = 0; k < n_note_kinds; ++k) {
        std::size_t n = 0;
        for (const known_note& x : known_notes) n += static_cast<std::size_t>(x.kind) == k;
        if (n > texts_per_note_kind) return false;
    }
    return true;
}
static_assert(known_notes_fit(), "a note kind with more texts than texts_per_note_kind");

/// The fixed text of every plan class (rules.hpp's plan_classes, by the member and by proxy)
/// and of STEP 1 for each MyPage answer, in each language, rendered once by the functions above
/// as escaped JSON: writing a plan made by plan() copies these runs and writes only what comes
/// from the request and the directory. Identical runs are kept once.
class class_texts {
public:
    struct run {
        const char* data = nullptr;
        std::size_t size = 0;
    };
    struct parts {
        run form, steps, guide_case;
    };

    class_texts() {
        // Rendered into `staged` first (std::string may move its bytes as it grows), each run
        // as an offset; then the offsets become pointers into `bytes_`, which no longer grows.
        struct at {
            std::size_t offset, size;
        };
        std::string staged;
        std::map<std::string, at> seen;
        const auto keep = [&](const std::string& s) {
            const auto [it, added] = seen.emplace(s, at{staged.size(), s.size()});
            if (added) staged += s;
            return it->second;
        };
        std::vector<std::array<std::array<at, 3>, 2>> classes(2 * detail::n_plan_classes);
        std::array<std::array<at, 2>, 3> steps1{};
        for (const auto& pair : detail::plan_classes.classes)
            for (const detail::plan_class& c : pair)
                for (lang l : {lang::ja, lang::en}) {
                    auto& out = classes[c.id - 1u][index(l)];
                    out[0] = keep(render([&](sink& w) {
                        form_part(w, c.form, *c.form_label, c.sel, c.selection_label, l);
                    }));
                    out[1] =
                        keep(render([&](sink& w) { steps_part(w, c.steps, *c.manual, c.who, l); }));
                    out[2] = keep(render(
                        [&](sink& w) { case_part(w, c.guide_case, c.guide_instruction, l); }));
                }
        std::array<std::array<std::array<at, 2>, texts_per_note_kind>, n_note_kinds> notes{};
        for (const known_note& n : known_notes) {
            auto& slots = notes_[static_cast<std::size_t>(n.kind)];
            std::size_t k = 0;
            while (slots[k].text) ++k; // at most texts_per_note_kind texts a kind (above)
            slots[k].text = n.text;
            for (lang l : {lang::ja, lang::en})
                notes[static_cast<std::size_t>(n.kind)][k][index(l)] =
                    keep(render([&](sink& w) { note_head(w, n.kind, *n.text, l); }));
        }
        std::array<at, 2> sample{};
        for (lang l : {lang::ja, lang::en})
            sample[index(l)] = keep(render([&](sink& w) { sample_note(w, l); }));
        for (mypage page : {mypage::yes, mypage::no, mypage::unknown}) {
            const auto q = mypage_prerequisites(page);
            for (lang l : {lang::ja, lang::en})
                steps1[prerequisites_index(q)][index(l)] =
                    keep(render([&](sink& w) { prerequisites_part(w, q, l); }));
        }
        bytes_ = std::move(staged);
        const auto to_run = [&](at a) { return run{bytes_.data() + a.offset, a.size}; };
        classes_.resize(classes.size());
        for (std::size_t i = 0; i < classes.size(); ++i)
            for (std::size_t l = 0; l < 2; ++l)
                classes_[i][l] = parts{to_run(classes[i][l][0]), to_run(classes[i][l][1]),
                                       to_run(classes[i][l][2])};
        for (std::size_t k = 0; k < 3; ++k)
            for (std::size_t l = 0; l < 2; ++l) steps1_[k][l] = to_run(steps1[k][l]);
        for (std::size_t k = 0; k < n_note_kinds; ++k)
            for (std::size_t t = 0; t < texts_per_note_kind; ++t)
                for (std::size_t l = 0; l < 2; ++l) notes_[k][t].head[l] = to_run(notes[k][t][l]);
        for (std::size_t l = 0; l < 2; ++l) sample_[l] = to_run(sample[l]);
    }

    /// The runs of the class `id` (application_plan::class_id, not 0).
    const parts& of(std::uint16_t id, lang l) const noexcept { return classes_[id - 1u][index(l)]; }
    /// STEP 1 as mypage_prerequisites() makes it.
    const run& prerequisites(const fixed_vector<prerequisite, 1>& q, lang l) const noexcept {
        return steps1_[prerequisites_index(q)][index(l)];
    }

    /// A note's start (note_head), or null for a note rules.hpp does not make.
    const run* note(note_kind kind, const bitext* t, lang l) const noexcept {
        const std::size_t k = static_cast<std::size_t>(kind);
        if (k >= n_note_kinds) return nullptr;
        for (const note_text& n : notes_[k])
            if (n.text == t && t) return &n.head[index(l)];
        return nullptr;
    }
    /// The sample master's note (sample_note).
    const run& sample(lang l) const noexcept { return sample_[index(l)]; }

private:
    struct note_text {
        const bitext* text = nullptr;
        std::array<run, 2> head{};
    };

    static std::size_t index(lang l) noexcept { return l == lang::en ? 1 : 0; }
    /// None (MyPage yes), user registration (no), the MyPage check (unknown).
    static std::size_t prerequisites_index(const fixed_vector<prerequisite, 1>& q) noexcept {
        if (q.empty()) return 0;
        return q[0].kind == prerequisite_kind::user_registration ? 1 : 2;
    }
    template <class Write>
    static std::string render(Write write) {
        std::string s;
        sink w(s);
        write(w);
        w.flush();
        return s;
    }

    std::string bytes_;
    std::vector<std::array<parts, 2>> classes_;
    std::array<std::array<run, 2>, 3> steps1_{};
    std::array<std::array<note_text, texts_per_note_kind>, n_note_kinds> notes_{};
    std::array<run, 2> sample_{};
};

const class_texts& rendered() {
    static const class_texts t; // GCOVR_EXCL_BR_LINE: static's guard
    return t;
}
/// Rendered when the library is loaded, not on the first plan it writes.
[[maybe_unused]] const class_texts& rendered_at_load = rendered();

MG_JSON_INLINE void copy(sink& out, const class_texts::run& r) {
    out.append(r.data, r.size);
}

} // namespace

void plan_to(sink& out, const application_plan& p, lang l, std::size_t line, bool sample,
             bool plain) {
    // A plan made by plan() names its class: its fixed parts are copied, already written.
    const class_texts& pieces = rendered();
    const class_texts::parts* fixed = p.class_id ? &pieces.of(p.class_id, l) : nullptr;
    if (line) {
        raw(out, "{\"line\":");
        number(out, line);
        raw(out, ",\"ok\":true,\"operation\":\"");
    } else {
        raw(out, "{\"ok\":true,\"operation\":\"");
    }
    raw(out, to_string(p.op));
    if (fixed)
        copy(out, fixed->form);
    else
        form_part(out, p.form, *p.form_label, p.sel, p.selection_label, l);
    for (std::size_t i = 0; i < p.checked.size(); ++i) {
        if (i) out.push_back(',');
        association_ref(out, p.checked[i], l, plain);
    }
    level_set chosen;
    per_level<std::string_view> codes, labels;
    for (const category_choice& c : p.categories) {
        chosen.insert(c.lvl);
        codes[c.lvl] = c.code;
        labels[c.lvl] = l == lang::en ? c.label_en : c.label_ja;
    }
    raw(out, "],\"categories\":");
    categories_object(out, chosen, codes);
    raw(out, ",\"category_labels\":{");
    {
        bool f = true;
        for (level x : chosen) {
            key(out, x, f);
            str_or_null(out, labels[x]);
        }
    }
    if (fixed) {
        copy(out, pieces.prerequisites(p.prerequisites, l));
        copy(out, fixed->steps);
    } else {
        prerequisites_part(out, p.prerequisites, l);
        steps_part(out, p.steps, *p.manual, p.who, l);
    }
    str_or_null(out, p.result.municipal, plain);
    raw(out, ",\"prefectural\":");
    str_or_null(out, p.result.prefectural, plain);
    raw(out, ",\"levels\":");
    levels_array(out, p.result.levels);
    if (!(given_levels(p.result.categories) & p.result.levels).empty()) {
        raw(out, ",\"categories\":");
        categories_object(out, p.result.levels, p.result.categories);
    }
    raw(out, "},\"notes\":[");
    for (std::size_t i = 0; i < p.notes.size(); ++i) {
        const note& n = p.notes[i];
        if (i) out.push_back(',');
        if (const class_texts::run* head = pieces.note(n.kind, n.text, l))
            copy(out, *head);
        else
            note_head(out, n.kind, *n.text, l);
        levels_array(out, n.levels);
        if (!n.association.empty()) {
            raw(out, ",\"association\":");
            str(out, n.association, plain);
        }
        out.push_back('}');
    }
    if (sample) { // the door planned on the bundled sample master (issue 17)
        if (!p.notes.empty()) out.push_back(',');
        copy(out, pieces.sample(l));
    }
    raw(out, "],\"rule\":");
    name(out, p.rule); // one of rules.hpp's own identifiers
    raw(out, ",\"reason\":");
    str_or_null(out, p.reason);
    if (fixed)
        copy(out, fixed->guide_case);
    else
        case_part(out, p.guide_case, p.guide_instruction, l);
}

/// Escapes what refusal_text.hpp writes, straight into the sink.
struct escaping_out {
    sink& s;
    void append(const char* p, std::size_t n) { escape(s, std::string_view(p, n)); }
};

/// A value at fault longer than this is not echoed in `value` (the message quotes its start).
constexpr std::size_t max_value_bytes = 256;

/// The refusal's extra fields (docs/decisions.md): what is at fault, named.
void refusal_details(sink& out, const refusal& r, lang l, const directory* dir) {
    if (!r.levels.empty()) {
        raw(out, ",\"levels\":");
        levels_array(out, r.levels);
    }
    if (!r.associations.empty()) {
        raw(out, ",\"associations\":[");
        for (std::size_t i = 0; i < r.associations.size(); ++i) {
            if (i) out.push_back(',');
            association_ref(out, r.associations[i], l, dir && dir->plain_strings());
        }
        out.push_back(']');
    }
    if (!r.value.empty() && r.value.size() <= max_value_bytes) {
        raw(out, ",\"value\":");
        str(out, r.value);
    }
    if (r.problem != state_problem::none) {
        raw(out, ",\"problem\":");
        name(out, to_string(r.problem));
    }
    if (r.line) {
        raw(out, ",\"position\":{\"line\":");
        number(out, r.line);
        raw(out, ",\"column\":");
        number(out, r.column);
        out.push_back('}');
    }
    if (!dir) return;
    if (r.code == refusal_code::unknown_category && !r.associations.empty()) {
        raw(out, ",\"allowed\":[");
        const auto entries = accepted_categories(*dir, r.associations[0].id, l);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (i) out.push_back(',');
            raw(out, "{\"code\":");
            str(out, entries[i].code);
            raw(out, ",\"label\":");
            str(out, entries[i].label);
            out.push_back('}');
        }
        out.push_back(']');
    }
    if (r.code == refusal_code::unknown_association) {
        raw(out, ",\"candidates\":[");
        const auto found = association_candidates(*dir, r.value);
        for (std::size_t i = 0; i < found.size(); ++i) {
            if (i) out.push_back(',');
            const association& a = (*dir)[found[i]];
            raw(out, "{\"code\":");
            str(out, a.code);
            raw(out, ",\"name\":");
            str(out, a.name_in(l));
            raw(out, ",\"level\":");
            name(out, to_string(a.lvl));
            out.push_back('}');
        }
        out.push_back(']');
    }
}

void refusal_to(sink& out, const refusal& r, lang l, std::size_t line, const directory* dir) {
    out.push_back('{');
    bool first = true;
    write_line_field(out, line, first);
    key(out, "ok", first);
    raw(out, "false,\"error\":{\"code\":");
    name(out, to_string(r.code));
    raw(out, ",\"message\":\"");
    escaping_out msg{out};
    write_refusal_message(msg, r, l);
    out.push_back('"');
    if (!r.field.empty()) {
        raw(out, ",\"field\":");
        str(out, r.field);
    }
    refusal_details(out, r, l, dir);
    if (r.suggestion) {
        raw(out, ",\"suggestion\":");
        write_request(out, *r.suggestion);
    }
    raw(out, "}}");
}

} // namespace emit

using namespace emit;

void write_plan(std::string& out, const directory& dir, const application_plan& p, lang l,
                std::size_t line) {
    sink w(out);
    plan_to(w, p, l, line, dir.is_sample(), dir.plain_strings());
    w.flush();
}

void write_refusal(std::string& out, const directory& dir, const refusal& r, lang l,
                   std::size_t line) {
    sink w(out);
    refusal_to(w, r, l, line, &dir);
    w.flush();
}

namespace {
template <class Out>
void refusal_only_to(Out& out, const bitext& message, std::string_view field, lang l,
                     std::size_t line) {
    sink w(out);
    refusal_to(w, refusal{refusal_code::invalid_request, &message, field, std::nullopt}, l, line,
               nullptr);
    w.flush();
}
} // namespace

void write_refusal_only(std::string& out, const bitext& message, std::string_view field, lang l,
                        std::size_t line) {
    refusal_only_to(out, message, field, l, line);
}

void write_refusal_only(out_buffer& out, const bitext& message, std::string_view field, lang l,
                        std::size_t line) {
    refusal_only_to(out, message, field, l, line);
}

} // namespace mamisguide::json
