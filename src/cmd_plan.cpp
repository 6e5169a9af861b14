// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide plan — one request: JSON in (standard input or --request FILE), JSON out; or the
// request as flags, and the plan printed for a person (--json: the contract's JSON).
#include "answers.hpp"
#include "cli.hpp"
#include "render.hpp"

#include <json.hpp>
#include <mamisguide/detail/file.hpp>

#include <cerrno>
#include <cstring>

namespace mg_cli {
namespace {

/// "municipal,prefectural" → a level set; nullopt (with a message) for unknown or repeated names.
std::optional<level_set> parse_level_list(const std::string& text, const char* option) {
    level_set s;
    for (const std::string& item : split_list(text)) {
        level l;
        if (!parse_level(item, l)) {
            print_error(std::string(option) + ": unknown level '" + item +
                        "' (municipal, prefectural, national)");
            return std::nullopt;
        }
        if (s.contains(l)) {
            print_error(std::string(option) + ": level '" + item + "' given twice");
            return std::nullopt;
        }
        s.insert(l);
    }
    return s;
}

/// --held: none | municipal | prefectural | national | all (a chain up to that level), or a
/// comma list of levels taken as the exact set.
std::optional<level_set> parse_held(const std::string& text) {
    if (text.find(',') != std::string::npos) return parse_level_list(text, "--held");
    if (text.empty() || text == "none") return level_set{};
    if (text == "municipal") return level_set::chain(1);
    if (text == "prefectural") return level_set::chain(2);
    if (text == "national" || text == "all") return level_set::chain(3);
    print_error("--held: expected none, municipal, prefectural, all or a comma list of levels, "
                "not '" +
                text + "'");
    return std::nullopt;
}

/// LEVEL=CODE pairs into a per-level map (the strings stay owned by `pairs`).
bool parse_categories(const std::vector<std::string>& pairs, const char* option,
                      per_level<std::string_view>& out) {
    for (const std::string& p : pairs) {
        const auto eq = p.find('=');
        level l;
        if (eq == std::string::npos || eq + 1 == p.size() || !parse_level(p.substr(0, eq), l)) {
            print_error(std::string(option) +
                        ": expected LEVEL=CODE (LEVEL: municipal, "
                        "prefectural or national), not '" +
                        p + "'");
            return false;
        }
        if (!out[l].empty()) {
            print_error(std::string(option) + ": level '" + p.substr(0, eq) + "' given twice");
            return false;
        }
        out[l] = std::string_view(p).substr(eq + 1);
    }
    return true;
}

/// Reads at most json::max_request_bytes + 1 bytes: anything longer is refused as too large
/// by json::respond without being read further.
bool read_request_text(const std::string& path, std::string& text) {
    const bool use_stdin = path.empty() || path == "-";
    std::FILE* f = use_stdin ? stdin : detail::open_file(path, "rb"); // UTF-8 name
    if (!f) {
        print_error("cannot open " + path + ": " + std::strerror(errno));
        return false;
    }
    char buf[1 << 16];
    bool ok = true;
    while (text.size() <= json::max_request_bytes) {
        const std::size_t n = std::fread(buf, 1, sizeof buf, f);
        text.append(buf, n);
        if (n < sizeof buf) {
            if (std::ferror(f)) {
                print_error("cannot read " + (use_stdin ? std::string("standard input") : path) +
                            ": " + std::strerror(errno));
                ok = false;
            }
            break;
        }
    }
    if (!use_stdin) std::fclose(f);
    return ok;
}

class plan_cmd final : public command {
public:
    explicit plan_cmd(CLI::App& parent) {
        app = parent.add_subcommand(
            "plan", "Plan one application: a JSON request on standard input (or --request FILE) "
                    "gives the JSON response; an OPERATION with flags prints the plan for a "
                    "person.");
        app->add_option("operation", op_,
                        "join | additional_join | change_category | change_facility | transfer "
                        "| withdraw (without it: read a JSON request)")
            ->check(CLI::IsMember({"join", "additional_join", "change_category", "change_facility",
                                   "transfer", "withdraw"}));
        request_opt_ = app->add_option("--request", request_file_,
                                       "Read the JSON request from FILE ('-': standard input)")
                           ->type_name("FILE");
        flag_opts_ = {
            app->add_option("--held", held_,
                            "Levels the member holds: none, municipal, prefectural, all (the "
                            "chain up to that level) or a comma list of levels")
                ->type_name("LEVELS"),
            app->add_option("--municipal", municipal_, "The member's municipal association (code)")
                ->type_name("CODE"),
            app->add_option("--to", to_,
                            "join: the municipal association to join; transfer: the destination")
                ->type_name("CODE"),
            app->add_option("--levels", levels_,
                            "Levels to join, add, change or leave (comma list of municipal, "
                            "prefectural, national)")
                ->type_name("LIST"),
            app->add_option("--category", categories_,
                            "Category for a level joined, added, changed or entered "
                            "(repeatable)")
                ->allow_extra_args(false)
                ->type_name("LEVEL=CODE"),
            app->add_option("--current-category", current_,
                            "The member's current category at a level (repeatable)")
                ->allow_extra_args(false)
                ->type_name("LEVEL=CODE"),
            app->add_option("--mypage", mypage_, "Does the applicant have a MyPage? (default yes)")
                ->check(CLI::IsMember({"yes", "no", "unknown"})),
            app->add_option("--reason", reason_, "The reason for the change (free text)")
                ->type_name("TEXT"),
            app->add_flag("--cascade", cascade_,
                          "withdraw: widen an illegal withdrawal to the smallest legal one"),
            app->add_flag("--proxy", proxy_,
                          "The association secretariat applies on the member's behalf"),
        };
        app->add_flag("--json", json_, "Print the contract's JSON instead of the text");
        lang_opt_ = app->add_option("--lang", lang_, "Language of the text: ja (default) or en")
                        ->check(CLI::IsMember({"ja", "en"}));
        add_directory_options(*app, dopts_);
        app->footer("Examples:\n"
                    "  mamisguide plan withdraw --held all --municipal 13-chiyoda --levels "
                    "national\n"
                    "  mamisguide plan join --to 13-chiyoda --levels municipal,prefectural "
                    "--category municipal=A --category prefectural=A\n"
                    "  echo '{\"request\":{\"operation\":\"join\",...}}' | mamisguide plan\n"
                    "Exit status: 0 plan, 1 refusal, 2 bad usage or unreadable input.");
    }

    int run() override {
        if (op_.empty()) return run_json();
        return run_flags();
    }

private:
    int run_json() {
        for (CLI::Option* o : flag_opts_)
            if (o->count() > 0) {
                print_error(o->get_name() +
                            " needs an OPERATION (e.g. 'mamisguide plan withdraw …'); a JSON "
                            "request carries these fields itself");
                return exit_usage;
            }
        if (lang_opt_->count() > 0) {
            print_error("--lang applies to requests given as flags; a JSON request carries its "
                        "own \"lang\"");
            return exit_usage;
        }
        std::string text;
        if (!read_request_text(request_file_, text)) return exit_usage;
        const auto dir = load_directory(dopts_, lang::ja);
        if (!dir) return exit_usage;
        std::string out;
        const int rc = json::respond(*dir, text, out);
        if (rc < 0) {
            print_error("out of memory");
            return exit_usage;
        }
        out.push_back('\n');
        if (!write_out(stdout, out)) return exit_usage;
        return rc == 0 ? exit_ok : exit_refusal;
    }

    int run_flags() {
        if (request_opt_->count() > 0) {
            print_error("--request cannot be combined with an OPERATION: give the request as "
                        "JSON or as flags");
            return exit_usage;
        }
        const lang l = to_lang(lang_);
        member_state m;
        request r;
        parse_operation(op_, r.op);
        if (!mypage_.empty()) parse_mypage(mypage_, m.page);
        const auto held = parse_held(held_);
        if (!held) return exit_usage;
        m.levels = *held;
        m.municipal = municipal_;
        if (!parse_categories(current_, "--current-category", m.categories)) return exit_usage;
        if (!levels_.empty()) {
            const auto levels = parse_level_list(levels_, "--levels");
            if (!levels) return exit_usage;
            r.levels = *levels;
        }
        r.municipal = to_;
        if (!parse_categories(categories_, "--category", r.categories)) return exit_usage;
        r.reason = reason_;
        r.cascade = cascade_;
        r.proxy = proxy_;

        const auto dir = load_directory(dopts_, l);
        if (!dir) return exit_usage;
        const plan_result res = plan(*dir, m, r);
        std::string out;
        if (json_) {
            if (res)
                json::write_plan(out, *dir, *res, l);
            else
                json::write_refusal(out, *dir, res.error(), l);
            out.push_back('\n');
        } else if (res) {
            render_plan_for_person(out, *dir, *res, l);
        } else {
            render_refusal_for_person(out, *dir, res.error(), m, dopts_, l);
        }
        if (!write_out(stdout, out)) return exit_usage;
        return res ? exit_ok : exit_refusal;
    }

    directory_options dopts_;
    std::string op_, request_file_, held_, municipal_, to_, levels_, mypage_, reason_;
    std::string lang_ = "ja";
    std::vector<std::string> categories_, current_;
    bool cascade_ = false, proxy_ = false, json_ = false;
    CLI::Option* request_opt_ = nullptr;
    CLI::Option* lang_opt_ = nullptr;
    std::vector<CLI::Option*> flag_opts_;
};

} // namespace

std::unique_ptr<command> make_plan_command(CLI::App& parent) {
    return std::make_unique<plan_cmd>(parent);
}

} // namespace mg_cli
