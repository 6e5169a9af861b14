// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide command line — answers that help a person (issue 17).
#include "answers.hpp"
#include "render.hpp"

#include <ctime>

namespace mg_cli {
namespace {

const char* colon(lang l) {
    return texts::cli::colon.get(l);
}

std::string paren(std::string_view inner, lang l) {
    std::string s = texts::cli::paren_open.get(l);
    s.append(inner);
    s += texts::cli::paren_close.get(l);
    return s;
}

std::string with_weekday(std::int64_t instant, lang l) {
    std::string s(format_jst(instant).view());
    s += paren(label(weekday_of(to_jst(instant).date)).get(l), l);
    return s;
}

} // namespace

void render_desk_now(std::string& out, lang l, std::int64_t now) {
    out += texts::desk_footer_heading.get(l);
    out += colon(l);
    out += texts::desk_name.get(l);
    out += "\n  ";
    out += texts::desk_phone_label.get(l);
    out += colon(l);
    out += texts::desk_phone;
    out += "  ";
    out += texts::desk_mail_label.get(l);
    out += colon(l);
    out += texts::desk_mail;
    out += "\n  ";
    out += texts::desk_hours_label.get(l);
    out += colon(l);
    out += texts::desk_hours.get(l);
    out += "\n";
    const auto st = support_status(default_desk(), now);
    if (!st) return; // outside 2000–2099: no status to give
    out += "  ";
    out += texts::desk_footer_now.get(l);
    out += colon(l);
    if (st->open) {
        out += texts::desk_open.get(l);
    } else {
        std::string why = label(st->reason).get(l);
        if (const auto holiday = st->label()) {
            why += colon(l);
            why += holiday->get(l);
        }
        out += texts::desk_closed.get(l);
        out += paren(why, l);
        out += texts::list_separator.get(l);
        out += texts::desk_next_open.get(l);
        out += colon(l);
        out += with_weekday(st->next_open, l);
    }
    out += "\n";
}

void render_plan_for_person(std::string& out, const directory& dir, const application_plan& p,
                            lang l) {
    if (dir.is_sample()) {
        out += texts::note_mark.get(l);
        out += texts::sample_note.get(l);
        out += "\n\n";
    }
    render_plan(out, dir, p, l);
    out += "\n";
    render_desk_now(out, l, static_cast<std::int64_t>(std::time(nullptr)));
}

void render_refusal_for_person(std::string& out, const directory& dir, const refusal& r,
                               const member_state& member, const directory_options& dopts, lang l) {
    render_refusal(out, r, member, dopts, l);
    if (r.code == refusal_code::unknown_category && !r.associations.empty()) {
        const auto entries = accepted_categories(dir, r.associations[0].id, l);
        if (!entries.empty()) {
            out += "  ";
            out += texts::refusal_allowed.get(l);
            out += colon(l);
            for (std::size_t i = 0; i < entries.size(); ++i) {
                if (i) out += texts::list_separator.get(l);
                out += entries[i].code;
                if (entries[i].label != entries[i].code) out += paren(entries[i].label, l);
            }
            out += "\n";
        }
    }
    if (r.code == refusal_code::unknown_association) {
        const auto found = association_candidates(dir, r.value);
        if (!found.empty()) {
            out += "  ";
            out += texts::refusal_candidates.get(l);
            out += colon(l);
            for (std::size_t i = 0; i < found.size(); ++i) {
                if (i) out += texts::list_separator.get(l);
                out += dir[found[i]].code;
                out += paren(dir[found[i]].name_in(l), l);
            }
            out += "\n";
        }
    }
    if (dir.is_sample()) {
        out += "\n";
        out += texts::note_mark.get(l);
        out += texts::sample_note.get(l);
        out += "\n";
    }
}

} // namespace mg_cli
