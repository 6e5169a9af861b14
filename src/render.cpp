// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide command line — a plan or a refusal for a person.
//
// The rules' own words come from the library's tables (text.hpp); only the headings of this
// layout live here.
#include "render.hpp"

#include <mamisguide/texts/cli.hpp>

#include <algorithm>
#include <cctype>

namespace mg_cli {
namespace {

namespace words = texts::cli;

const char* get(const bitext& t, lang l) {
    return t.get(l);
}

const char* colon(lang l) {
    return words::colon.get(l);
}

void heading(std::string& out, const bitext& t, lang l) {
    out += get(t, l);
    out += words::heading_end.get(l);
}

std::string quoted_manual(const bitext& m, lang l) {
    return std::string(words::quote_open.get(l)) + m.get(l) + words::quote_close.get(l);
}

std::string paren(std::string_view inner, lang l) {
    std::string s = words::paren_open.get(l);
    s.append(inner);
    s += words::paren_close.get(l);
    return s;
}

void desk_lines(std::string& out, lang l, const char* indent) {
    out += indent;
    heading(out, words::desk, l);
    out += indent;
    out += "  ";
    out += texts::desk_name.get(l);
    out += "\n";
    out += indent;
    out += "  ";
    out += get(texts::desk_phone_label, l);
    out += colon(l);
    out += texts::desk_phone;
    out += "  ";
    out += get(texts::desk_mail_label, l);
    out += colon(l);
    out += texts::desk_mail;
    out += "\n";
    out += indent;
    out += "  ";
    out += get(texts::desk_hours_label, l);
    out += colon(l);
    out += texts::desk_hours.get(l);
    out += "\n";
}

/// The association at level `lv` on the chain of municipal association `code`, if known.
std::optional<association_id> on_chain(const directory& dir, std::string_view code, level lv) {
    const auto m = dir.find(code);
    if (!m) return std::nullopt;
    const auto chain = dir.chain(*m);
    if (index_of(lv) >= chain.size()) return std::nullopt;
    return chain[index_of(lv)];
}

/// Single-quotes an argument for a POSIX shell when it needs it.
std::string shell_quote(std::string_view s) {
    bool plain = !s.empty();
    for (unsigned char c : s)
        if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == ',' || c == '=' ||
              c == '/' || c == ':' || c == '@' || c == '+' || c == '%'))
            plain = false;
    if (plain) return std::string(s);
    std::string q = "'";
    for (char c : s) {
        if (c == '\'')
            q += "'\\''";
        else
            q.push_back(c);
    }
    q += "'";
    return q;
}

std::string levels_list(level_set s) {
    std::string out;
    for (level l : s) {
        if (!out.empty()) out += ",";
        out += to_string(l);
    }
    return out;
}

} // namespace

std::string circled(std::size_t n) {
    if (n >= 1 && n <= 20) {
        // U+2460 CIRCLED DIGIT ONE … U+2473 CIRCLED NUMBER TWENTY: E2 91 A0 … E2 91 B3.
        const unsigned cp = 0x2460u + static_cast<unsigned>(n - 1);
        std::string s;
        s.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        return s;
    }
    return "(" + std::to_string(n) + ")";
}

void render_prerequisites(std::string& out, const fixed_vector<prerequisite, 1>& pre, lang l) {
    out += get(words::step1, l);
    out += "\n";
    if (pre.empty()) {
        out += "  ";
        out += get(words::step1_ok, l);
        out += "\n";
        return;
    }
    for (const prerequisite& q : pre) {
        out += "  ";
        out += get(q.kind == prerequisite_kind::mypage_check ? words::mypage_check
                                                             : words::user_registration,
                   l);
        out += "\n";
        for (std::size_t i = 0; i < q.steps.size(); ++i) {
            out += "    ";
            out += circled(i + 1);
            out += " ";
            out += q.steps[i]->get(l);
            out += "\n";
        }
        out += "  ";
        out += get(words::manual, l);
        out += colon(l);
        out += quoted_manual(*q.manual, l);
        out += "\n";
        if (q.support_desk) desk_lines(out, l, "  ");
    }
}

void render_plan(std::string& out, const directory& dir, const application_plan& p, lang l) {
    render_prerequisites(out, p.prerequisites, l);
    out += "\n";

    // STEP 2: the form, the selection, the flowchart's case, who applies.
    out += get(words::step2, l);
    out += p.form_label->get(l);
    if (p.selection_label) {
        out +=
            paren(std::string(get(words::selection, l)) + colon(l) + p.selection_label->get(l), l);
    }
    out += "\n";
    if (p.guide_case) {
        out += "  ";
        out += get(words::case_label, l);
        out += colon(l);
        out += p.guide_case->get(l);
        if (p.guide_instruction) {
            out += " → ";
            out += p.guide_instruction->get(l);
        }
        out += "\n";
    }
    out += "  ";
    out += get(words::actor, l);
    out += colon(l);
    out += get(p.who == actor::secretariat ? words::actor_secretariat : words::actor_member, l);
    out += "\n\n";

    heading(out, words::steps, l);
    for (std::size_t i = 0; i < p.steps.size(); ++i) {
        out += "  ";
        out += circled(i + 1);
        out += " ";
        out += p.steps[i]->get(l);
        out += "\n";
    }
    out += "\n";

    heading(out, words::checked, l);
    for (const checked_association& a : p.checked) {
        out += "  ☑ ";
        out += a.name_in(l);
        const std::string_view what = label(a.lvl).get(l);
        out += paren(a.name_in(l) == what
                         ? std::string(a.code)
                         : std::string(what) + words::list_sep.get(l) + std::string(a.code),
                     l);
        out += "\n";
    }

    if (!p.categories.empty()) {
        out += "\n";
        heading(out, words::categories, l);
        for (const category_choice& c : p.categories) {
            out += "  ";
            std::string_view who = label(c.lvl).get(l);
            for (const checked_association& a : p.checked)
                if (a.lvl == c.lvl) who = a.name_in(l);
            out.append(who);
            out += colon(l);
            out.append(c.code);
            const std::string_view label = l == lang::en ? c.label_en : c.label_ja;
            if (c.checked && !label.empty()) out += paren(label, l);
            if (!c.checked) out += paren(get(words::unchecked, l), l);
            out += "\n";
        }
    }

    out += "\n";
    out += get(words::manual, l);
    out += colon(l);
    out += quoted_manual(*p.manual, l);
    out += "\n";

    if (!p.reason.empty()) {
        out += get(words::reason, l);
        out += colon(l);
        out.append(p.reason);
        out += "\n";
    }

    if (!p.notes.empty()) {
        out += "\n";
        heading(out, words::notes, l);
        for (const note& n : p.notes) {
            out += words::bullet.get(l);
            out += n.text->get(l);
            if (!n.association.empty()) {
                if (const auto v = dir.find(n.association))
                    out += paren(std::string(dir[*v].name_in(l)) + words::list_sep.get(l) +
                                     std::string(n.association),
                                 l);
            }
            out += "\n";
        }
    }

    out += "\n";
    heading(out, words::result, l);
    if (p.result.levels.empty()) {
        out += "  ";
        out += get(words::not_member, l);
        out += "\n";
    } else {
        std::size_t width = 0;
        for (level lv : p.result.levels) width = std::max(width, display_width(label(lv).get(l)));
        std::string names[3];
        std::size_t name_width = 0;
        for (level lv : p.result.levels) {
            if (const auto v = on_chain(dir, p.result.municipal, lv))
                names[index_of(lv)] = std::string(dir[*v].name_in(l)) + paren(dir[*v].code, l);
            name_width = std::max(name_width, display_width(names[index_of(lv)]));
        }
        for (level lv : p.result.levels) {
            std::string line = "  ";
            append_padded(line, label(lv).get(l), width + 2);
            append_padded(line, names[index_of(lv)], name_width + 2);
            if (!p.result.categories[lv].empty()) {
                line += get(words::category_of, l);
                line += " ";
                line.append(p.result.categories[lv]);
            }
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out += line;
            out += "\n";
        }
    }
    out += "\n";
    out += get(words::rule, l);
    out += colon(l);
    out.append(p.rule);
    out += "\n";
}

std::string plan_command(const member_state& m, const request& r, const directory_options& dopts,
                         lang l) {
    std::string cmd = "mamisguide plan ";
    cmd += to_string(r.op);
    auto opt = [&](std::string_view name, std::string_view value) {
        cmd += " ";
        cmd.append(name);
        cmd += " ";
        cmd += shell_quote(value);
    };
    if (!dopts.directory.empty()) opt("--directory", dopts.directory);
    if (!dopts.categories.empty()) opt("--categories", dopts.categories);
    if (m.page != mypage::yes) opt("--mypage", to_string(m.page));
    if (!m.levels.empty()) {
        const char* held = m.levels == level_set::chain(1)   ? "municipal"
                           : m.levels == level_set::chain(2) ? "prefectural"
                           : m.levels == level_set::chain(3) ? "all"
                                                             : nullptr;
        opt("--held", held ? std::string(held) : levels_list(m.levels));
    }
    if (!m.municipal.empty()) opt("--municipal", m.municipal);
    for (level lv : all_levels)
        if (!m.categories[lv].empty())
            opt("--current-category",
                std::string(to_string(lv)) + "=" + std::string(m.categories[lv]));
    if (!r.municipal.empty()) opt("--to", r.municipal);
    if (!r.levels.empty()) opt("--levels", levels_list(r.levels));
    for (level lv : all_levels)
        if (!r.categories[lv].empty())
            opt("--category", std::string(to_string(lv)) + "=" + std::string(r.categories[lv]));
    if (!r.reason.empty()) opt("--reason", r.reason);
    if (r.cascade) cmd += " --cascade";
    if (r.proxy) cmd += " --proxy";
    if (l == lang::en) cmd += " --lang en";
    return cmd;
}

void render_refusal(std::string& out, const refusal& r, const member_state& member,
                    const directory_options& dopts, lang l) {
    out += get(words::refused, l);
    out += paren(std::string(get(words::code, l)) + colon(l) + std::string(to_string(r.code)), l);
    out += "\n  ";
    out += refusal_message(r, l);
    out += "\n";
    if (!r.field.empty()) {
        out += "  ";
        out += get(words::field, l);
        out += colon(l);
        out.append(r.field);
        out += "\n";
    }
    if (r.suggestion) {
        out += "\n";
        out += get(words::instead, l);
        out += "\n  ";
        out += plan_command(member, *r.suggestion, dopts, l);
        out += "\n";
    }
}

} // namespace mg_cli
