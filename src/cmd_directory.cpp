// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide directory — list or search the associations: by code, by part of a name (Japanese
// or English), by prefecture, by level; as a table or as JSON.
#include "cli.hpp"

#include <json.hpp>
#include <mamisguide/texts/cli.hpp>

#include <algorithm>
#include <cctype>

namespace mg_cli {
namespace {

namespace words = texts::cli;

class directory_cmd final : public command {
public:
    explicit directory_cmd(CLI::App& parent) {
        app = parent.add_subcommand("directory",
                                    "List or search the associations (built-in JMA and 47 "
                                    "prefectural ones, plus the municipal master).");
        app->add_option("--code", code_, "Exactly this code")->type_name("CODE");
        app->add_option("--name", name_, "Part of the Japanese or English name (English: any case)")
            ->type_name("TEXT");
        app->add_option("--prefecture", prefecture_,
                        "A prefecture (JIS code 1–47): its association and its municipal ones")
            ->type_name("CODE");
        app->add_option("--level", level_, "Only this level")
            ->check(CLI::IsMember({"municipal", "prefectural", "national"}));
        app->add_flag("--json", json_, "Print a JSON array instead of a table");
        add_lang_option(*app, lang_);
        add_directory_options(*app, dopts_);
        app->footer("Exit status: 0 when some association matches, 1 when none does, 2 for "
                    "bad usage or a directory that fails to load.");
    }

    int run() override {
        const lang l = to_lang(lang_);
        unsigned pref = 0;
        if (!prefecture_.empty()) {
            const auto n = parse_prefecture(prefecture_);
            if (!n) {
                print_error("--prefecture: expected a JIS prefecture code 1–47, not '" +
                            prefecture_ + "'");
                return exit_usage;
            }
            pref = *n;
        }
        level want{};
        const bool by_level = !level_.empty() && parse_level(level_, want);
        const auto dir = load_directory(dopts_, l);
        if (!dir) return exit_usage;

        directory_query q;
        q.code = code_;
        q.text = name_;
        q.prefecture = pref;
        if (by_level) q.lvl = want;
        const std::vector<association_id> hits = search(*dir, q);

        std::string out;
        if (json_) {
            json::write_directory(out, *dir, hits, l);
            out += "\n";
        } else
            write_table(out, *dir, hits, l);
        if (!write_out(stdout, out)) return exit_usage;
        if (hits.empty()) {
            print_error(words::no_match.get(l));
            return exit_refusal;
        }
        return exit_ok;
    }

private:
    void write_table(std::string& out, const directory& dir,
                     const std::vector<association_id>& hits, lang l) {
        if (hits.empty()) return;
        struct row {
            std::string cells[5];
        };
        std::vector<row> rows;
        rows.push_back({{words::code.get(l), words::level_heading.get(l), words::name.get(l),
                         words::name_en.get(l), words::parent.get(l)}});
        for (association_id v : hits) {
            const association& a = dir[v];
            const auto p = dir.parent(v);
            rows.push_back({{a.code, std::string(to_string(a.lvl)), a.name, a.name_en,
                             p ? dir[*p].code : std::string("-")}});
        }
        std::size_t width[5] = {};
        for (const row& r : rows)
            for (int c = 0; c < 5; ++c) width[c] = std::max(width[c], display_width(r.cells[c]));
        for (const row& r : rows) {
            std::string line;
            for (int c = 0; c < 5; ++c) {
                if (c == 4)
                    line += r.cells[c];
                else
                    append_padded(line, r.cells[c], width[c] + 2);
            }
            out += line + "\n";
        }
        out += std::to_string(hits.size());
        out += words::count.get(l);
        out += "\n";
    }

    directory_options dopts_;
    std::string code_, name_, prefecture_, level_, lang_ = "ja";
    bool json_ = false;
};

} // namespace

std::unique_ptr<command> make_directory_command(CLI::App& parent) {
    return std::make_unique<directory_cmd>(parent);
}

} // namespace mg_cli
