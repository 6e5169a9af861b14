// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the contract's answers: a plan, a refusal (json.hpp).
#include "json_sink.hpp"

#include <cstdlib>
#include <new>

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
    raw(out, "{\"level\":\"");
    raw(out, to_string(a.lvl));
    raw(out, "\",\"code\":");
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
// literal (`,"form":`), not key by key with a "first" flag.
void plan_to(sink& out, const application_plan& p, lang l, std::size_t line, bool sample,
             bool plain) {
    if (line) {
        raw(out, "{\"line\":");
        number(out, line);
        raw(out, ",\"ok\":true,\"operation\":\"");
    } else {
        raw(out, "{\"ok\":true,\"operation\":\"");
    }
    raw(out, to_string(p.op));
    raw(out, "\",\"form\":\"");
    raw(out, to_string(p.form));
    raw(out, "\",\"form_label\":");
    text(out, *p.form_label, l);
    raw(out, ",\"selection\":");
    if (p.sel == selection::none)
        raw(out, "null");
    else
        name(out, to_string(p.sel));
    raw(out, ",\"selection_label\":");
    text_or_null(out, p.selection_label, l);
    raw(out, ",\"checked\":[");
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
    raw(out, "},\"prerequisites\":[");
    for (std::size_t i = 0; i < p.prerequisites.size(); ++i) {
        if (i) out.push_back(',');
        prerequisite_to(out, p.prerequisites[i], l);
    }
    raw(out, "],\"steps\":");
    text_array(out, p.steps, l);
    raw(out, ",\"manual\":");
    text(out, *p.manual, l);
    raw(out, ",\"actor\":\"");
    raw(out, to_string(p.who));
    // The contract's example exactly; categories only when some are known.
    raw(out, "\",\"result\":{\"municipal\":");
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
        raw(out, i ? ",{\"kind\":\"" : "{\"kind\":\"");
        raw(out, to_string(n.kind));
        raw(out, "\",\"text\":");
        text(out, *n.text, l);
        raw(out, ",\"levels\":");
        levels_array(out, n.levels);
        if (!n.association.empty()) {
            raw(out, ",\"association\":");
            str(out, n.association, plain);
        }
        out.push_back('}');
    }
    if (sample) { // the door planned on the bundled sample master (issue 17)
        if (!p.notes.empty()) out.push_back(',');
        raw(out, "{\"kind\":\"sample_directory\",\"text\":");
        text(out, texts::sample_note, l);
        raw(out, ",\"levels\":[]}");
    }
    raw(out, "],\"rule\":");
    name(out, p.rule); // one of rules.hpp's own identifiers
    raw(out, ",\"reason\":");
    str_or_null(out, p.reason);
    raw(out, ",\"case\":{\"label\":");
    text_or_null(out, p.guide_case, l);
    raw(out, ",\"instruction\":");
    text_or_null(out, p.guide_instruction, l);
    raw(out, "}}");
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
