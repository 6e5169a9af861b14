// mamisguide directory — list or search the associations: by code, by part of a name (Japanese
// or English), by prefecture, by level; as a table or as JSON.
#include "cli.hpp"

#include <json.hpp>

#include <algorithm>
#include <cctype>

namespace mg_cli {
namespace {

namespace words {
constexpr bitext code{"コード", "code"};
constexpr bitext level_h{"階層", "level"};
constexpr bitext name{"名称", "name"};
constexpr bitext name_en{"英語名", "English name"};
constexpr bitext parent{"上位", "parent"};
constexpr bitext none{"該当する医師会はありません", "no association matches"};
constexpr bitext count{"件", "association(s)"};
} // namespace words

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

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
        std::optional<association_id> pref;
        if (!prefecture_.empty()) {
            const bool digits = prefecture_.size() <= 2 &&
                                prefecture_.find_first_not_of("0123456789") == std::string::npos;
            const int n = digits ? std::stoi(prefecture_) : 0;
            if (n < 1 || n > 47) {
                print_error("--prefecture: expected a JIS prefecture code 1–47, not '" +
                            prefecture_ + "'");
                return exit_usage;
            }
            pref = directory::prefecture(static_cast<unsigned>(n));
        }
        level want{};
        const bool by_level = !level_.empty() && parse_level(level_, want);
        const auto dir = load_directory(dopts_, l);
        if (!dir) return exit_usage;

        const std::string needle = lower_ascii(name_);
        std::vector<association_id> hits;
        for (association_id v = 0; v < dir->size(); ++v) {
            const association& a = (*dir)[v];
            if (!code_.empty() && a.code != code_) continue;
            if (by_level && a.lvl != want) continue;
            if (pref && v != *pref && dir->parent(v) != pref) continue;
            if (!name_.empty() && a.name.find(name_) == std::string::npos &&
                lower_ascii(a.name_en).find(needle) == std::string::npos)
                continue;
            hits.push_back(v);
        }

        std::string out;
        if (json_)
            write_json(out, *dir, hits);
        else
            write_table(out, *dir, hits, l);
        if (!write_out(stdout, out)) return exit_usage;
        if (hits.empty()) {
            print_error(words::none.get(l));
            return exit_refusal;
        }
        return exit_ok;
    }

private:
    static void json_string(std::string& out, std::string_view s) {
        out.push_back('"');
        json::append_escaped(out, s);
        out.push_back('"');
    }

    void write_json(std::string& out, const directory& dir,
                    const std::vector<association_id>& hits) {
        out += "[";
        for (std::size_t i = 0; i < hits.size(); ++i) {
            const association& a = dir[hits[i]];
            out += i ? ",\n " : "\n ";
            out += "{\"code\":";
            json_string(out, a.code);
            out += ",\"level\":";
            json_string(out, to_string(a.lvl));
            out += ",\"name\":";
            json_string(out, a.name);
            out += ",\"name_en\":";
            if (a.name_en.empty())
                out += "null";
            else
                json_string(out, a.name_en);
            out += ",\"parent\":";
            if (const auto p = dir.parent(hits[i]))
                json_string(out, dir[*p].code);
            else
                out += "null";
            out += ",\"categories\":";
            if (a.lvl == level::national) {
                out += "[";
                for (std::size_t k = 0; k < jma_categories.size(); ++k) {
                    out += k ? ",{\"code\":" : "{\"code\":";
                    json_string(out, jma_categories[k].code);
                    out += ",\"label\":";
                    json_string(out, jma_categories[k].label.ja);
                    out += "}";
                }
                out += "]";
            } else if (const catalogue* cat = dir.catalogue_of(hits[i])) {
                out += "[";
                for (std::size_t k = 0; k < cat->entries.size(); ++k) {
                    out += k ? ",{\"code\":" : "{\"code\":";
                    json_string(out, cat->entries[k].code);
                    out += ",\"label\":";
                    json_string(out, cat->entries[k].label);
                    out += "}";
                }
                out += "]";
            } else {
                out += "null";
            }
            out += "}";
        }
        out += hits.empty() ? "]\n" : "\n]\n";
    }

    void write_table(std::string& out, const directory& dir,
                     const std::vector<association_id>& hits, lang l) {
        if (hits.empty()) return;
        struct row {
            std::string cells[5];
        };
        std::vector<row> rows;
        rows.push_back({{words::code.get(l), words::level_h.get(l), words::name.get(l),
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
        out += l == lang::ja ? " " : " ";
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
