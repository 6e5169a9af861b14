// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide support / holidays — is the support desk open (now or at a given moment), when
// does it next open; Japan's holidays of a year.
#include "cli.hpp"

#include <json.hpp>
#include <mamisguide/texts/cli.hpp>

#include <cstdio>
#include <ctime>

namespace mg_cli {
namespace {

namespace words = texts::cli;

std::string with_weekday(std::int64_t instant, lang l) {
    std::string s(format_jst(instant).view());
    s += words::paren_open.get(l);
    s += label(weekday_of(to_jst(instant).date)).get(l);
    s += words::paren_close.get(l);
    return s;
}

class support_cmd final : public command {
public:
    explicit support_cmd(CLI::App& parent) {
        app = parent.add_subcommand("support", "Is the MAMIS support desk open, and "
                                               "when does it next open?");
        app->add_option("--at", at_,
                        "The moment to ask about, ISO 8601 (e.g. 2026-12-30T11:00:00+09:00 or "
                        "2026-12-30T02:00:00Z); without an offset, Japan time (2026-12-30T11:00); "
                        "a bare date, 10:00 that day; default: now")
            ->type_name("TIME");
        app->add_flag("--json", json_,
                      "JSON: open, reason, holiday, next_open, phone, mail (and at)");
        add_lang_option(*app, lang_);
        app->footer("Weekdays 10:00–18:00 Japan time; closed on Saturdays, Sundays, national "
                    "holidays (incl. substitute holidays and citizens' holidays) and 12/29–1/3.");
    }

    int run() override {
        const lang l = to_lang(lang_);
        std::int64_t t = static_cast<std::int64_t>(std::time(nullptr));
        if (!at_.empty()) {
            const auto parsed = parse_japan_time(at_);
            if (!parsed) {
                print_error("--at: " + std::string(label(parsed.error()).get(l)) + ": " + at_);
                return exit_usage;
            }
            t = *parsed;
        }
        const auto st = support_status(default_desk(), t);
        if (!st) {
            print_error(label(st.error()).get(l));
            return exit_usage;
        }
        const auto holiday = st->label();
        std::string out;
        if (json_) {
            json::write_support(out, default_desk(), t, l);
            out += "\n";
        } else {
            const std::string sep = words::colon.get(l);
            out += texts::desk_name.get(l);
            out += "\n";
            out += std::string(words::at.get(l)) + sep + with_weekday(t, l) + "\n";
            out += std::string(words::status.get(l)) + sep;
            if (st->open) {
                out += texts::desk_open.get(l);
            } else {
                out += texts::desk_closed.get(l);
                out += words::paren_open.get(l);
                out += label(st->reason).get(l);
                if (holiday) {
                    out += sep;
                    out += holiday->get(l);
                }
                out += words::paren_close.get(l);
            }
            out += "\n";
            if (!st->open)
                out += std::string(words::next_open.get(l)) + sep + with_weekday(st->next_open, l) +
                       "\n";
            out += std::string(texts::desk_phone_label.get(l)) + sep + texts::desk_phone + "\n";
            out += std::string(texts::desk_mail_label.get(l)) + sep + texts::desk_mail + "\n";
            out +=
                std::string(texts::desk_hours_label.get(l)) + sep + texts::desk_hours.get(l) + "\n";
        }
        return write_out(stdout, out) ? exit_ok : exit_usage;
    }

private:
    std::string at_, lang_ = "ja";
    bool json_ = false;
};

class holidays_cmd final : public command {
public:
    explicit holidays_cmd(CLI::App& parent) {
        app = parent.add_subcommand(
            "holidays", "Japan's holidays of a year (national, substitute and citizens' holidays), "
                        "2000–2099.");
        app->add_option("year", year_, "The year, 2000–2099")->required();
        app->add_flag("--json", json_, "JSON: [{\"date\", \"name\", \"name_en\"}] in date order");
        add_lang_option(*app, lang_);
    }

    int run() override {
        const lang l = to_lang(lang_);
        const auto list = holidays_in(year_);
        if (!list) {
            print_error(std::string(label(list.error()).get(l)) + ": " + std::to_string(year_));
            return exit_usage;
        }
        std::string out;
        if (json_) {
            json::write_holidays(out, year_, l);
            out += "\n";
            return write_out(stdout, out) ? exit_ok : exit_usage;
        }
        char date[16];
        for (const holiday& h : *list) {
            std::snprintf(date, sizeof date, "%04d-%02d-%02d", h.date.year, h.date.month,
                          h.date.day);
            out += date;
            out += "  ";
            append_padded(out, label(weekday_of(h.date)).get(l), l == lang::ja ? 8 : 11);
            out += h.name().get(l);
            out += "\n";
        }
        return write_out(stdout, out) ? exit_ok : exit_usage;
    }

private:
    int year_ = 0;
    std::string lang_ = "ja";
    bool json_ = false;
};

} // namespace

std::unique_ptr<command> make_support_command(CLI::App& parent) {
    return std::make_unique<support_cmd>(parent);
}

std::unique_ptr<command> make_holidays_command(CLI::App& parent) {
    return std::make_unique<holidays_cmd>(parent);
}

} // namespace mg_cli
