// mamisguide guide — an interactive walk through the guide: STEP 1 (MyPage), STEP 2 (the
// inquiry), the questions under it, the leaf's inputs, and the plan at the end.
//
// Everything it asks comes from the guide as data (guide.hpp): the questions and answers of
// each node, the leaf's request skeleton (guide_request) and its inputs. plan() decides. It
// reads one answer per line (the number of a choice or its value), so it can be scripted:
// at the end of the input, or on an answer that is not one of the choices, it says so and
// exits 2.
#include "cli.hpp"
#include "render.hpp"

#include <json.hpp>
#include <mamisguide/texts/cli.hpp>

#include <unistd.h>

#include <deque>
#include <iostream>

namespace mg_cli {
namespace {

namespace words = texts::cli;

class guide_cmd final : public command {
public:
    explicit guide_cmd(CLI::App& parent) {
        app = parent.add_subcommand(
            "guide", "Walk through the guide interactively (STEP 1, STEP 2, the questions, the "
                     "inputs) and print the plan. Answers may be piped, one per line.");
        add_lang_option(*app, lang_);
        app->add_flag("--json", json_,
                      "Print the final plan as the contract's JSON (the last line of the output)");
        app->add_flag("--proxy", proxy_,
                      "The association secretariat applies on the member's behalf");
        app->add_flag("--tree", tree_, "Print the guide itself as JSON and exit");
        add_directory_options(*app, dopts_);
        app->footer("Answer each question with the number of a choice or its value (e.g. 1 "
                    "or yes); codes and categories as text.\n"
                    "Example: printf 'yes\\nwithdraw\\nnational_only\\n13-chiyoda\\n' | "
                    "mamisguide guide\n"
                    "Exit status: 0 plan, 1 refusal, 2 end of input, an invalid answer or bad "
                    "usage.");
    }

    int run() override {
        l_ = to_lang(lang_);
        if (tree_) {
            std::string out;
            json::write_guide(out, l_);
            out.push_back('\n');
            return write_out(stdout, out) ? exit_ok : exit_usage;
        }
        echo_ = ::isatty(STDIN_FILENO) != 1;
        const auto dir = load_directory(dopts_, l_);
        if (!dir) return exit_usage;
        dir_ = &*dir;
        try {
            return walk();
        } catch (const stop& s) {
            return s.status;
        }
    }

private:
    struct stop {
        int status;
    };

    // ---- output and input -----------------------------------------------------------------

    void say(std::string_view s) {
        write_out(stdout, s);
        std::fflush(stdout);
    }

    [[noreturn]] void fail(const bitext& why, std::string_view detail = {}) {
        std::string m = why.get(l_);
        if (!detail.empty()) {
            m += ": ";
            m.append(detail);
        }
        print_error(m);
        throw stop{exit_usage};
    }

    /// One answer line, trimmed; fails at the end of the input.
    std::string ask(std::string_view hint = {}) {
        std::string p = "  ";
        if (!hint.empty()) {
            p.append(hint);
            p += " ";
        }
        p += "> ";
        say(p);
        std::string line;
        if (!std::getline(std::cin, line)) {
            say("\n");
            fail(words::end_of_input);
        }
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
            line.pop_back();
        std::size_t b = 0;
        while (b < line.size() && (line[b] == ' ' || line[b] == '\t')) ++b;
        line.erase(0, b);
        if (echo_) say(line + "\n");
        return line;
    }

    /// A choice among `n`: its number (1-based) or a name that `match` recognises.
    template <class Match>
    std::size_t choose(std::size_t n, std::string_view hint, Match match) {
        const std::string a = ask(hint);
        if (!a.empty() && a.find_first_not_of("0123456789") == std::string::npos && a.size() < 4) {
            const std::size_t k = std::stoul(a);
            if (k >= 1 && k <= n) return k - 1;
        }
        for (std::size_t i = 0; i < n; ++i)
            if (match(i, a)) return i;
        fail(words::invalid_answer, a);
    }

    void choice_line(std::size_t i, std::string_view label, std::string_view value) {
        std::string s = "  " + std::to_string(i + 1) + ") ";
        s.append(label);
        if (!value.empty()) {
            s += "  [";
            s.append(value);
            s += "]";
        }
        s += "\n";
        say(s);
    }

    // ---- the walk -----------------------------------------------------------------------------

    int walk() {
        const guide_node* n = &guide_root();
        while (!n->leaf) {
            say(std::string("\n") + n->title.get(l_) + "\n" + n->text.get(l_) + "\n");
            for (std::size_t i = 0; i < n->answer_count; ++i)
                choice_line(i, n->answers[i].label.get(l_), n->answers[i].value);
            const std::size_t k = choose(n->answer_count, words::choose_number.get(l_),
                                         [&](std::size_t i, const std::string& a) {
                                             return n->answers[i].value == a ||
                                                    a == n->answers[i].label.ja ||
                                                    a == n->answers[i].label.en;
                                         });
            const guide_answer& ans = n->answers[k];
            if (n->sets_mypage) {
                parse_mypage(ans.value, member_.page);
                if (member_.page != mypage::yes) {
                    std::string s = "\n";
                    render_prerequisites(s, mypage_prerequisites(member_.page), l_);
                    say(s);
                }
            }
            n = guide_find(ans.next);
            if (!n) fail(words::invalid_answer, ans.next);
        }
        return leaf(*n);
    }

    int leaf(const guide_node& n) {
        say(std::string("\n") + n.title.get(l_) + "\n→ " + n.text.get(l_) + "\n");
        req_ = guide_request(n);
        req_.proxy = proxy_;
        if (n.member_levels_fixed) {
            member_.levels = n.member_levels;
            if (!n.member_levels.empty())
                say(std::string(words::levels_now.get(l_)) + ": " + levels_text(n.member_levels) +
                    "\n");
        }
        for (std::size_t i = 0; i < n.input_count; ++i) input(n, n.inputs[i]);

        const plan_result res = plan(*dir_, member_, req_);
        std::string out = "\n";
        if (json_) {
            out.clear();
            if (res)
                json::write_plan(out, *res, l_);
            else
                json::write_refusal(out, res.error(), l_);
            out.push_back('\n');
        } else {
            out += words::the_plan.get(l_);
            out += "\n";
            if (res)
                render_plan(out, *dir_, *res, l_);
            else
                render_refusal(out, res.error(), member_, dopts_, l_);
        }
        if (!write_out(stdout, out)) return exit_usage;
        return res ? exit_ok : exit_refusal;
    }

    std::string levels_text(level_set s) const {
        std::string t;
        for (level x : s) {
            if (!t.empty()) t += words::plus.get(l_);
            t += level_label(x).get(l_);
        }
        return t;
    }

    void input(const guide_node& n, guide_input what) {
        say(std::string("\n") + describe(what).get(l_) + "\n");
        switch (what) {
        case guide_input::member_levels: {
            for (unsigned k = 1; k <= 3; ++k)
                choice_line(k - 1, levels_text(level_set::chain(k)), to_string(all_levels[k - 1]));
            const std::size_t k =
                choose(3, words::choose_number.get(l_), [&](std::size_t i, const std::string& a) {
                    return a == to_string(all_levels[i]);
                });
            member_.levels = level_set::chain(static_cast<unsigned>(k + 1));
            break;
        }
        case guide_input::member_municipal:
            member_.municipal = keep(ask_municipal());
            break;
        case guide_input::join_municipal:
        case guide_input::destination:
            req_.municipal = keep(ask_municipal());
            break;
        case guide_input::change_levels: {
            std::vector<level> held;
            for (level x : member_.levels) held.push_back(x);
            for (std::size_t i = 0; i < held.size(); ++i)
                choice_line(i, level_label(held[i]).get(l_), to_string(held[i]));
            const std::string a = ask(words::comma_list.get(l_));
            level_set chosen;
            for (const std::string& item : split_list(a)) {
                bool found = false;
                for (std::size_t i = 0; i < held.size(); ++i)
                    if (item == std::to_string(i + 1) || item == to_string(held[i]))
                        chosen.insert(held[i]), found = true;
                if (!found) fail(words::not_held, item);
            }
            if (chosen.empty()) fail(words::invalid_answer, a);
            req_.levels = chosen;
            break;
        }
        case guide_input::categories:
            ask_categories(n);
            break;
        case guide_input::reason:
            req_.reason = keep(ask(words::optional_hint.get(l_)));
            break;
        }
    }

    /// A municipal association: its code, its name, or its number in the list when the
    /// directory is small enough to list.
    std::string ask_municipal() {
        std::vector<association_id> all;
        for (association_id v = 0; v < dir_->size(); ++v)
            if ((*dir_)[v].lvl == level::municipal) all.push_back(v);
        const bool listed = !all.empty() && all.size() <= 50;
        if (listed)
            for (std::size_t i = 0; i < all.size(); ++i)
                choice_line(i, (*dir_)[all[i]].name_in(l_), (*dir_)[all[i]].code);
        const std::string a = ask(listed ? words::choose_number.get(l_) : words::code_hint.get(l_));
        if (listed && !a.empty() && a.find_first_not_of("0123456789") == std::string::npos &&
            a.size() < 4) {
            const std::size_t k = std::stoul(a);
            if (k >= 1 && k <= all.size()) return (*dir_)[all[k - 1]].code;
        }
        if (const auto v = dir_->find(a); v && (*dir_)[*v].lvl == level::municipal) return a;
        for (association_id v : all)
            if ((*dir_)[v].name == a || (!(*dir_)[v].name_en.empty() && (*dir_)[v].name_en == a))
                return (*dir_)[v].code;
        fail(words::not_municipal, a);
    }

    /// The levels whose association needs a category, and the chain they are on: the levels
    /// joined, added or changed; for a transfer, those transfer_changes() names.
    void ask_categories(const guide_node& n) {
        const std::string_view chain_of = n.op == operation::join || n.op == operation::transfer
                                              ? req_.municipal
                                              : member_.municipal;
        const auto m = dir_->find(chain_of);
        if (!m) fail(words::missing_code);
        const auto chain = dir_->chain(*m);
        level_set levels = req_.levels;
        if (n.op == operation::transfer) {
            const auto from = dir_->find(member_.municipal);
            if (!from) fail(words::missing_code);
            levels = transfer_changes(*dir_, *from, *m, member_.levels);
        }
        for (level x : levels) {
            const association_id v = chain[index_of(x)];
            say(std::string((*dir_)[v].name_in(l_)) + words::category_for.get(l_) + "\n");
            req_.categories[x] = keep(ask_category(v));
        }
    }

    std::string ask_category(association_id v) {
        std::vector<std::pair<std::string, std::string>> choices; // code, label
        if ((*dir_)[v].lvl == level::national) {
            for (const jma_category& c : jma_categories)
                choices.emplace_back(c.code, std::string(c.label.get(l_)) + " — " + c.who.get(l_));
        } else if (const catalogue* cat = dir_->catalogue_of(v)) {
            for (const category& c : cat->entries) choices.emplace_back(c.code, c.label);
        }
        if (choices.empty()) {
            const std::string a = ask(words::free_code.get(l_));
            if (a.empty()) fail(words::invalid_answer, a);
            return a;
        }
        for (std::size_t i = 0; i < choices.size(); ++i)
            choice_line(i, choices[i].second, choices[i].first);
        const std::size_t k =
            choose(choices.size(), words::choose_number.get(l_),
                   [&](std::size_t i, const std::string& a) { return a == choices[i].first; });
        return choices[k].first;
    }

    /// Keeps an answer alive for the request's string_views.
    std::string_view keep(std::string s) {
        answers_.push_back(std::move(s));
        return answers_.back();
    }

    directory_options dopts_;
    std::string lang_ = "ja";
    bool json_ = false, proxy_ = false, tree_ = false, echo_ = false;
    lang l_ = lang::ja;
    const directory* dir_ = nullptr;
    member_state member_;
    request req_;
    std::deque<std::string> answers_; // stable addresses
};

} // namespace

std::unique_ptr<command> make_guide_command(CLI::App& parent) {
    return std::make_unique<guide_cmd>(parent);
}

} // namespace mg_cli
