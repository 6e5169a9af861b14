// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide guide — an interactive walk through the guide: STEP 1 (MyPage), STEP 2 (the
// inquiry), the questions under it, the leaf's inputs, and the plan at the end.
//
// Everything it asks comes from the guide as data (guide.hpp): the questions and answers of
// each node, the leaf's request skeleton (guide_request) and its inputs. plan() decides. It
// reads one answer per line (the number of a choice, its value or its words, folded from
// full-width), so it can be scripted. A wrong answer is explained (on standard error) and the
// same question asked again; only the end of the input stops the walk, with exit 2.
#include "answers.hpp"
#include "cli.hpp"
#include "platform.hpp"
#include "render.hpp"

#include <json.hpp>
#include <mamisguide/texts/cli.hpp>

#include <deque>
#include <iostream>
#include <optional>
#include <utility>

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
        app->footer("Answer each question with the number of a choice, its value or its words "
                    "(full-width digits and letters are fine); an association with its code or "
                    "part of its name; a category with its code or label (A① for A1). A wrong "
                    "answer is explained and the question asked again.\n"
                    "Example: printf 'yes\\nwithdraw\\nnational_only\\n13-chiyoda\\n' | "
                    "mamisguide guide\n"
                    "Exit status: 0 plan, 1 refusal, 2 end of input before the plan or bad "
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
        echo_ = !platform::is_terminal(stdin);
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

    /// Why an answer was not taken: on standard error, then the question is asked again.
    void why(const bitext& t, std::string_view value, std::string_view extra = {}) {
        std::string m = fill(t.get(l_), value);
        if (!extra.empty()) {
            m += "\n";
            m.append(extra);
        }
        print_error(m);
    }

    /// `t` with {value} replaced by `value` (and {associations} by `assoc`).
    static std::string fill(std::string_view t, std::string_view value,
                            std::string_view assoc = {}) {
        std::string out(t);
        for (auto [key, with] : {std::pair<std::string_view, std::string_view>{"{value}", value},
                                 {"{associations}", assoc}})
            for (std::size_t at; (at = out.find(key)) != std::string::npos;)
                out.replace(at, key.size(), with);
        return out;
    }

    /// One answer line, folded (full-width to half-width) and trimmed, after the prompt `hint`
    /// (every question has one). The end of the input stops the walk with exit 2.
    std::string ask(std::string_view hint) {
        std::string p = "  ";
        p.append(hint);
        p += " > ";
        say(p);
        std::string line;
        if (!platform::read_line(line)) {
            say("\n");
            print_error(texts::guide_end_of_input.get(l_));
            throw stop{exit_usage};
        }
        if (echo_) say(line + "\n");
        return fold_answer(line);
    }

    /// Asks until `take` accepts an answer: `show` prints the question (again after a wrong
    /// answer), `take` returns the answer's meaning or nullopt after saying why.
    template <class Show, class Take>
    auto ask_until(Show show, std::string_view hint, Take take) {
        show();
        for (;;) {
            const std::string a = ask(hint);
            if (auto r = take(a)) return *r;
            show();
        }
    }

    static std::string lower(std::string_view s) {
        std::string out(s);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }

    /// True when answer `a` (folded) names choice `k` (0-based) by number, value or label.
    static bool names(std::string_view a, std::size_t k, std::string_view value,
                      const bitext& label) {
        if (a.empty()) return false;
        if (a == std::to_string(k + 1)) return true;
        const std::string la = lower(a);
        return la == lower(value) || la == lower(fold_answer(label.ja)) ||
               la == lower(fold_answer(label.en));
    }

    void choice_line(std::string& out, std::size_t i, std::string_view label,
                     std::string_view value) {
        out += "  " + std::to_string(i + 1) + ") ";
        out.append(label);
        if (!value.empty()) {
            out += "  [";
            out.append(value);
            out += "]";
        }
        out += "\n";
    }

    // ---- the walk -----------------------------------------------------------------------------

    int walk() {
        const guide_node* n = &guide_root();
        while (!n->leaf) {
            const std::size_t k = ask_until(
                [&] {
                    std::string s =
                        std::string("\n") + n->title.get(l_) + "\n" + n->text.get(l_) + "\n";
                    for (std::size_t i = 0; i < n->answer_count; ++i)
                        choice_line(s, i, n->answers[i].label.get(l_), n->answers[i].value);
                    say(s);
                },
                words::choose_number.get(l_),
                [&](const std::string& a) -> std::optional<std::size_t> {
                    for (std::size_t i = 0; i < n->answer_count; ++i)
                        if (names(a, i, n->answers[i].value, n->answers[i].label)) return i;
                    why(a.empty() ? texts::guide_empty_answer : texts::guide_not_an_answer, a);
                    return std::nullopt;
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
            if (!n) throw stop{exit_usage}; // the guide's data is checked by tests
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
                json::write_plan(out, *dir_, *res, l_);
            else
                json::write_refusal(out, *dir_, res.error(), l_);
            out.push_back('\n');
        } else {
            out += words::the_plan.get(l_);
            out += "\n";
            if (res)
                render_plan_for_person(out, *dir_, *res, l_);
            else
                render_refusal_for_person(out, *dir_, res.error(), member_, dopts_, l_);
        }
        if (!write_out(stdout, out)) return exit_usage;
        return res ? exit_ok : exit_refusal;
    }

    std::string levels_text(level_set s) const {
        std::string t;
        for (level x : s) {
            if (!t.empty()) t += words::plus.get(l_);
            t += label(x).get(l_);
        }
        return t;
    }

    void input(const guide_node& n, guide_input what) {
        const std::string title = std::string("\n") + label(what).get(l_) + "\n";
        switch (what) {
        case guide_input::member_levels: {
            const std::size_t k = ask_until(
                [&] {
                    std::string s = title;
                    for (unsigned c = 1; c <= 3; ++c)
                        choice_line(s, c - 1, levels_text(level_set::chain(c)),
                                    to_string(all_levels[c - 1]));
                    say(s);
                },
                words::choose_number.get(l_),
                [&](const std::string& a) -> std::optional<std::size_t> {
                    for (std::size_t i = 0; i < 3; ++i) {
                        const std::string label = levels_text(level_set::chain(unsigned(i + 1)));
                        if (names(a, i, to_string(all_levels[i]),
                                  bitext{label.c_str(), label.c_str()}))
                            return i;
                    }
                    why(a.empty() ? texts::guide_empty_answer : texts::guide_not_an_answer, a);
                    return std::nullopt;
                });
            member_.levels = level_set::chain(static_cast<unsigned>(k + 1));
            break;
        }
        case guide_input::member_municipal:
            member_.municipal = keep(ask_municipal(title));
            break;
        case guide_input::join_municipal:
        case guide_input::destination:
            req_.municipal = keep(ask_municipal(title));
            break;
        case guide_input::change_levels: {
            std::vector<level> held;
            for (level x : member_.levels) held.push_back(x);
            req_.levels = ask_until(
                [&] {
                    std::string s = title;
                    for (std::size_t i = 0; i < held.size(); ++i)
                        choice_line(s, i, label(held[i]).get(l_), to_string(held[i]));
                    say(s);
                },
                words::comma_list.get(l_),
                [&](const std::string& a) -> std::optional<level_set> {
                    std::string list = a;
                    for (std::string_view sep : texts::answer_separators)
                        for (std::size_t at; (at = list.find(sep)) != std::string::npos;)
                            list.replace(at, sep.size(), ",");
                    level_set chosen;
                    for (const std::string& item : split_list(list)) {
                        bool found = false;
                        for (std::size_t i = 0; i < held.size(); ++i)
                            if (names(item, i, to_string(held[i]), label(held[i])))
                                chosen.insert(held[i]), found = true;
                        if (!found) {
                            why(texts::guide_not_an_answer, item);
                            return std::nullopt;
                        }
                    }
                    if (chosen.empty()) {
                        why(texts::guide_empty_answer, a);
                        return std::nullopt;
                    }
                    return chosen;
                });
            break;
        }
        case guide_input::categories:
            ask_categories(n);
            break;
        case guide_input::reason:
            say(title);
            req_.reason = keep(ask(words::optional_hint.get(l_)));
            break;
        }
    }

    std::string association_text(association_id v) const {
        const association& a = (*dir_)[v];
        return std::string(a.name_in(l_)) + words::paren_open.get(l_) + a.code +
               words::paren_close.get(l_);
    }

    /// A municipal association: its number in the list (when the directory is small enough to
    /// list), its code, or part of its name or code. One match is taken; several are listed
    /// and the question is asked again.
    std::string ask_municipal(const std::string& title) {
        std::vector<association_id> all;
        for (association_id v = 0; v < dir_->size(); ++v)
            if ((*dir_)[v].lvl == level::municipal) all.push_back(v);
        const bool listed = !all.empty() && all.size() <= 50;
        return ask_until(
            [&] {
                std::string s = title;
                if (listed)
                    for (std::size_t i = 0; i < all.size(); ++i)
                        choice_line(s, i, (*dir_)[all[i]].name_in(l_), (*dir_)[all[i]].code);
                say(s);
            },
            listed ? words::choose_number.get(l_) : words::code_hint.get(l_),
            [&](const std::string& a) -> std::optional<std::string> {
                if (a.empty()) {
                    why(texts::guide_empty_answer, a);
                    return std::nullopt;
                }
                if (listed && a.find_first_not_of("0123456789") == std::string::npos &&
                    a.size() < 4) {
                    const std::size_t k = std::stoul(a);
                    if (k >= 1 && k <= all.size()) return (*dir_)[all[k - 1]].code;
                }
                if (const auto v = dir_->find(a)) {
                    // the code as the master writes it, whatever the width typed
                    if ((*dir_)[*v].lvl == level::municipal) return (*dir_)[*v].code;
                    print_error(fill(texts::guide_not_municipal.get(l_), a, association_text(*v)));
                    return std::nullopt;
                }
                // Part of a name (Japanese, or English ignoring case) or of a code.
                const std::string la = lower(a);
                std::vector<association_id> hits;
                for (association_id v : all) {
                    const association& x = (*dir_)[v];
                    if (x.name.find(a) != std::string::npos ||
                        lower(x.name_en).find(la) != std::string::npos ||
                        lower(x.code).find(la) != std::string::npos)
                        hits.push_back(v);
                }
                if (hits.size() == 1) {
                    say("  → " + association_text(hits[0]) + "\n");
                    return (*dir_)[hits[0]].code;
                }
                std::string list;
                if (hits.empty()) {
                    for (association_id v : association_candidates(*dir_, a))
                        if ((*dir_)[v].lvl == level::municipal)
                            list += "  " + association_text(v) + "\n";
                    if (!list.empty())
                        list = std::string(texts::refusal_candidates.get(l_)) + ":\n" + list;
                    why(texts::guide_no_association, a, list);
                    return std::nullopt;
                }
                constexpr std::size_t shown = 20;
                for (std::size_t i = 0; i < hits.size() && i < shown; ++i)
                    list += "  " + association_text(hits[i]) + "\n";
                if (hits.size() > shown)
                    list += "  " +
                            fill(texts::guide_more_matches.get(l_),
                                 std::to_string(hits.size() - shown)) +
                            "\n";
                why(texts::guide_many_associations, a, list);
                return std::nullopt;
            });
    }

    /// The levels whose association needs a category, and the chain they are on: the levels
    /// joined, added or changed; for a transfer, those transfer_changes() names.
    void ask_categories(const guide_node& n) {
        const std::string_view chain_of = n.op == operation::join || n.op == operation::transfer
                                              ? req_.municipal
                                              : member_.municipal;
        const auto m = dir_->find(chain_of);
        if (!m) throw stop{exit_usage}; // asked for by ask_municipal() just before
        const auto chain = dir_->chain(*m);
        level_set levels = req_.levels;
        if (n.op == operation::transfer) {
            const auto from = dir_->find(member_.municipal);
            if (!from) throw stop{exit_usage};
            levels = transfer_changes(*dir_, *from, *m, member_.levels);
        }
        for (level x : levels) req_.categories[x] = keep(ask_category(chain[index_of(x)]));
    }

    std::string ask_category(association_id v) {
        std::vector<std::pair<std::string, std::string>> choices; // code, label
        if ((*dir_)[v].lvl == level::national) {
            for (const jma_category& c : jma_categories)
                choices.emplace_back(c.code, std::string(c.label.get(l_)) + " — " + c.who.get(l_));
        } else if (const catalogue* cat = dir_->catalogue_of(v)) {
            for (const category& c : cat->entries) choices.emplace_back(c.code, c.label);
        }
        const std::string title =
            "\n" + std::string((*dir_)[v].name_in(l_)) + words::category_for.get(l_) + "\n";
        return ask_until(
            [&] {
                std::string s = title;
                for (std::size_t i = 0; i < choices.size(); ++i)
                    choice_line(s, i, choices[i].second, choices[i].first);
                say(s);
            },
            choices.empty() ? words::free_code.get(l_) : words::choose_number.get(l_),
            [&](const std::string& a) -> std::optional<std::string> {
                if (a.empty()) {
                    why(texts::guide_empty_answer, a);
                    return std::nullopt;
                }
                if (!choices.empty() && a.find_first_not_of("0123456789") == std::string::npos &&
                    a.size() < 4) {
                    const std::size_t k = std::stoul(a);
                    if (k >= 1 && k <= choices.size()) return choices[k - 1].first;
                }
                std::string code = category_for_answer(*dir_, v, a);
                if (!code.empty()) return code;
                std::string list;
                for (const auto& c : accepted_categories(*dir_, v, l_))
                    list += "  " + c.code + (c.label != c.code ? "  " + c.label : "") + "\n";
                if (!list.empty()) list.pop_back();
                print_error(fill(texts::guide_unknown_category.get(l_), a, association_text(v)) +
                            "\n" + list);
                return std::nullopt;
            });
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
