// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the JSON shapes beside the contract's answers: the guide tree, the web guide's
// words, the directory, the desk, the holidays, STEP 1, a loader's refusal, the category
// questions (json.hpp).
#include "json_sink.hpp"

namespace mamisguide::json {

using namespace emit;

namespace {
void guide_node_json(sink& out, const guide_node& n, lang l) {
    bool f = true;
    out.push_back('{');
    key(out, "id", f);
    str(out, n.id);
    key(out, "title", f);
    text(out, n.title, l);
    key(out, "text", f);
    text(out, n.text, l);
    if (!n.leaf) {
        key(out, "answers", f);
        out.push_back('[');
        for (std::size_t i = 0; i < n.answer_count; ++i) {
            if (i) out.push_back(',');
            bool g = true;
            out.push_back('{');
            key(out, "value", g);
            str(out, n.answers[i].value);
            key(out, "label", g);
            text(out, n.answers[i].label, l);
            key(out, "next", g);
            str(out, n.answers[i].next);
            out.push_back('}');
        }
        out.push_back(']');
        if (n.sets_mypage) {
            key(out, "sets", f);
            str(out, "member.mypage");
        }
    } else {
        key(out, "request", f);
        out.push_back('{');
        bool g = true;
        key(out, "operation", g);
        name(out, to_string(n.op));
        if (!n.levels.empty()) {
            key(out, "levels", g);
            levels_array(out, n.levels);
        }
        out.push_back('}');
        if (n.member_levels_fixed) {
            key(out, "member_levels", f);
            levels_array(out, n.member_levels);
        }
        key(out, "inputs", f);
        out.push_back('[');
        static constexpr std::string_view input_names[] = {
            "member.municipal",   "member.levels",  "request.municipal", "request.municipal",
            "request.categories", "request.levels", "request.reason"};
        for (std::size_t i = 0; i < n.input_count; ++i) {
            if (i) out.push_back(',');
            bool h = true;
            out.push_back('{');
            key(out, "field", h);
            str(out, input_names[static_cast<std::size_t>(n.inputs[i])]);
            key(out, "label", h);
            text(out, label(n.inputs[i]), l);
            out.push_back('}');
        }
        out.push_back(']');
    }
    out.push_back('}');
}
} // namespace

void write_guide(std::string& string_out, lang l) {
    sink out(string_out);
    raw(out, "{\"root\":");
    str(out, guide_root().id);
    raw(out, ",\"nodes\":[");
    for (const guide_node* n = guide_begin(); n != guide_end(); ++n) {
        if (n != guide_begin()) out.push_back(',');
        guide_node_json(out, *n, l);
    }
    raw(out, "]}");
    out.flush();
}

// ---- the web guide -----------------------------------------------------------------------------

void write_web_texts(std::string& string_out, lang l) {
    sink out(string_out);
    raw(out, "{\"lang\":");
    name(out, l == lang::en ? "en" : "ja");
    raw(out, ",\"texts\":{");
    bool f = true;
    for (const texts::web_text& t : texts::web_texts) {
        key(out, t.key, f);
        text(out, t.text, l);
    }
    raw(out, "},\"levels\":{");
    f = true;
    for (level x : all_levels) {
        key(out, to_string(x), f);
        text(out, label(x), l);
    }
    // The three states a member can be in (the legal chains), for "the levels held now".
    raw(out, "},\"held\":[");
    for (unsigned k = 1; k <= 3; ++k) {
        const level_set chain = level_set::chain(k);
        if (k > 1) out.push_back(',');
        raw(out, "{\"levels\":");
        levels_array(out, chain);
        raw(out, ",\"label\":\"");
        bool first = true;
        for (level x : chain) {
            if (!first) escape(out, texts::cli::plus.get(l));
            first = false;
            escape(out, label(x).get(l));
        }
        raw(out, "\"}");
    }
    raw(out, "],\"desk\":{\"name\":");
    text(out, texts::desk_name, l);
    raw(out, ",\"phone\":");
    str(out, texts::desk_phone);
    raw(out, ",\"mail\":");
    str(out, texts::desk_mail);
    raw(out, ",\"hours\":");
    text(out, texts::desk_hours, l);
    raw(out, "}}");
    out.flush();
}

// ---- the directory, the desk, the holidays, a loader's refusal --------------------------------

namespace {

void catalogue_json(sink& out, const directory& dir, association_id v, lang l) {
    const association& a = dir[v];
    if (a.lvl == level::national) {
        out.push_back('[');
        for (std::size_t k = 0; k < jma_categories.size(); ++k) {
            if (k) out.push_back(',');
            bool f = true;
            out.push_back('{');
            key(out, "code", f);
            str(out, jma_categories[k].code);
            key(out, "label", f);
            text(out, jma_categories[k].label, l);
            key(out, "description", f);
            text(out, jma_categories[k].who, l);
            out.push_back('}');
        }
        out.push_back(']');
    } else if (const catalogue* cat = dir.catalogue_of(v)) {
        out.push_back('[');
        for (std::size_t k = 0; k < cat->entries.size(); ++k) {
            if (k) out.push_back(',');
            bool f = true;
            out.push_back('{');
            key(out, "code", f);
            str(out, cat->entries[k].code);
            key(out, "label", f);
            str(out, cat->entries[k].label);
            key(out, "description", f);
            raw(out, "null");
            out.push_back('}');
        }
        out.push_back(']');
    } else {
        raw(out, "null");
    }
}

void association_json(sink& out, const directory& dir, association_id v, lang l) {
    const association& a = dir[v];
    bool f = true;
    out.push_back('{');
    key(out, "code", f);
    str(out, a.code);
    key(out, "level", f);
    name(out, to_string(a.lvl));
    key(out, "name", f);
    str(out, a.name);
    key(out, "name_en", f);
    str_or_null(out, a.name_en);
    key(out, "parent", f);
    if (const auto p = dir.parent(v))
        str(out, dir[*p].code);
    else
        raw(out, "null");
    key(out, "categories", f);
    catalogue_json(out, dir, v, l);
    out.push_back('}');
}

void instant_json(sink& out, std::int64_t t) {
    const jst_text s = format_jst(t);
    name(out, s.view());
}

} // namespace

void write_directory(std::string& string_out, const directory& dir,
                     const std::vector<association_id>& hits, lang l) {
    sink out(string_out);
    out.push_back('[');
    for (std::size_t i = 0; i < hits.size(); ++i) {
        raw(out, i ? ",\n " : "\n ");
        association_json(out, dir, hits[i], l);
    }
    raw(out, hits.empty() ? "]" : "\n]");
    out.flush();
}

void write_association(std::string& string_out, const directory& dir, association_id v, lang l) {
    sink out(string_out);
    association_json(out, dir, v, l);
    out.flush();
}

bool write_support(std::string& string_out, const desk& d, std::int64_t at, lang l) {
    const auto st = support_status(d, at);
    if (!st) return false;
    sink out(string_out);
    bool f = true;
    out.push_back('{');
    key(out, "at", f);
    instant_json(out, at);
    key(out, "open", f);
    raw(out, st->open ? "true" : "false");
    key(out, "reason", f);
    name(out, to_string(st->reason));
    const auto holiday = st->label();
    key(out, "holiday", f);
    if (holiday)
        str(out, holiday->ja);
    else
        raw(out, "null");
    key(out, "holiday_en", f);
    if (holiday)
        str(out, holiday->en);
    else
        raw(out, "null");
    key(out, "next_open", f);
    instant_json(out, st->next_open);
    key(out, "phone", f);
    str(out, d.phone);
    key(out, "mail", f);
    str(out, d.email);
    key(out, "status_label", f);
    text(out, (st->open ? texts::desk_open : texts::desk_closed), l);
    key(out, "reason_label", f);
    text(out, label(st->reason), l);
    key(out, "name", f);
    text(out, d.name, l);
    key(out, "hours", f);
    text(out, texts::desk_hours, l);
    out.push_back('}');
    out.flush();
    return true;
}

bool write_holidays(std::string& string_out, int year, lang l) {
    const auto list = holidays_in(year);
    if (!list) return false;
    sink out(string_out);
    out.push_back('[');
    char date[16];
    for (std::size_t i = 0; i < list->size(); ++i) {
        const holiday& h = (*list)[i];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", h.date.year, h.date.month, h.date.day);
        raw(out, i ? ",\n " : "\n ");
        bool f = true;
        out.push_back('{');
        key(out, "date", f);
        name(out, date);
        key(out, "name", f);
        str(out, h.name().ja);
        key(out, "name_en", f);
        str(out, h.name().en);
        key(out, "weekday", f);
        text(out, label(weekday_of(h.date)), l);
        out.push_back('}');
    }
    raw(out, list->empty() ? "]" : "\n]");
    out.flush();
    return true;
}

void write_mypage_step(std::string& string_out, mypage page, lang l) {
    sink out(string_out);
    const auto pre = mypage_prerequisites(page);
    if (pre.empty())
        raw(out, "null");
    else
        prerequisite_to(out, pre[0], l);
    out.flush();
}

void write_load_error(std::string& string_out, const load_error& e, lang l) {
    // The file's name (and the message and detail that may quote it, or bytes of the file) can
    // be any bytes a file system holds, e.g. a name in CP932: marked_utf8.
    std::string marked;
    sink out(string_out);
    raw(out, "{\"ok\":false,\"error\":{\"code\":\"load_error\",\"kind\":");
    name(out, to_string(e.kind));
    raw(out, ",\"message\":");
    str(out, marked_utf8(e.message(l), marked));
    raw(out, ",\"source\":");
    str(out, marked_utf8(e.file, marked));
    raw(out, ",\"line\":");
    if (e.line) {
        number(out, e.line);
    } else {
        raw(out, "null");
    }
    raw(out, ",\"detail\":");
    str_or_null(out, marked_utf8(e.detail, marked));
    raw(out, "}}");
    out.flush();
}

int write_guide_categories(std::string& string_out, const directory& dir, std::string_view leaf,
                           std::string_view member_municipal, level_set member_levels,
                           std::string_view municipal, level_set levels, lang l) {
    sink out(string_out);
    auto fail = [&](refusal_code code, const bitext& message, std::string_view field) {
        refusal_to(out, refusal{code, &message, field, std::nullopt}, l, 0, &dir);
        out.flush();
        return static_cast<int>(code);
    };
    const guide_node* n = guide_find(leaf);
    bool asks = false;
    if (n && n->leaf)
        for (std::size_t i = 0; i < n->input_count; ++i)
            if (n->inputs[i] == guide_input::categories) asks = true;
    if (!asks) return fail(refusal_code::invalid_request, texts::msg_invalid_request, "leaf");
    // The chain whose associations are joined, added or changed: the association to join or
    // move to for join and transfer, the member's own otherwise (as `mamisguide guide` asks).
    const bool to_new = n->op == operation::join || n->op == operation::transfer;
    const auto m = detail::municipal_of(dir, to_new ? municipal : member_municipal);
    if (!m) {
        refusal r = m.error();
        if (!to_new) r.field = "member.municipal";
        refusal_to(out, r, l, 0, &dir);
        out.flush();
        return static_cast<int>(r.code);
    }
    level_set which = n->levels;
    if (n->op == operation::change_category) which = levels & member_levels;
    if (n->op == operation::transfer) {
        const auto from = detail::municipal_of(dir, member_municipal);
        if (!from) {
            refusal r = from.error();
            r.field = "member.municipal";
            refusal_to(out, r, l, 0, &dir);
            out.flush();
            return static_cast<int>(r.code);
        }
        which = transfer_changes(dir, *from, *m, member_levels);
    }
    const auto chain = dir.chain(*m);
    raw(out, "{\"ok\":true,\"categories\":[");
    bool first_level = true;
    for (level x : which) {
        if (index_of(x) >= chain.size()) continue;
        const association_id v = chain[index_of(x)];
        const association& a = dir[v];
        if (!first_level) out.push_back(',');
        first_level = false;
        bool f = true;
        out.push_back('{');
        key(out, "level", f);
        name(out, to_string(x));
        key(out, "code", f);
        str(out, a.code);
        key(out, "name", f);
        str(out, a.name_in(l));
        key(out, "choices", f);
        catalogue_json(out, dir, v, l);
        out.push_back('}');
    }
    raw(out, "]}");
    out.flush();
    return 0;
}

} // namespace mamisguide::json
