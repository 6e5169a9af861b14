// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide graph — DOT of the association hierarchy or of the membership state machine;
// SVG through Graphviz's `dot` when it is installed.
#include "cli.hpp"
#include "platform.hpp"

#include <sstream>

namespace mg_cli {
namespace {

/// `t` with {value} replaced by `value`.
std::string with_value(std::string_view t, std::string_view value) {
    std::string out(t);
    if (const auto at = out.find("{value}"); at != std::string::npos) out.replace(at, 7, value);
    return out;
}

class graph_cmd final : public command {
public:
    explicit graph_cmd(CLI::App& parent) {
        app = parent.add_subcommand("graph", "Graphviz DOT of the association hierarchy or of "
                                             "the membership state machine.");
        app->add_option("--what", what_,
                        "directory: the associations (default); transitions: the membership "
                        "states and the applications between them")
            ->check(CLI::IsMember({"directory", "transitions"}));
        app->add_option("--format", format_,
                        "dot (default), svg or png (svg and png need Graphviz's dot and a "
                        "Japanese font: scripts/setup.sh installs graphviz and fonts-noto-cjk "
                        "with MAMISGUIDE_PICTURES=1)")
            ->check(CLI::IsMember({"dot", "svg", "png"}));
        app->add_option("--prefecture", prefecture_,
                        "directory: draw one prefecture (JIS code 1-47, e.g. 13) with its "
                        "municipal associations")
            ->type_name("NN");
        add_lang_option(*app, lang_);
        add_directory_options(*app, dopts_);
        app->footer("Example: mamisguide graph --what transitions | dot -Tpng > states.png");
    }

    int run() override {
        const lang l = to_lang(lang_);
        std::string dot_path;
        if (format_ != "dot") {
            dot_path = platform::find_program("dot");
            if (dot_path.empty()) {
                print_error(with_value(texts::graph_needs_dot.get(l), format_));
                return exit_usage;
            }
        }
        directory_dot_options o;
        if (!prefecture_.empty()) {
            const auto p = parse_prefecture(prefecture_);
            if (!p) {
                print_error(with_value(texts::graph_bad_prefecture.get(l), prefecture_));
                return exit_usage;
            }
            if (what_ == "transitions") {
                print_error(texts::graph_prefecture_not_used.get(l));
                return exit_usage;
            }
            o.prefecture = *p;
        }
        std::ostringstream dot;
        if (what_ == "transitions") {
            write_transitions_dot(dot, make_transition_graph(), l);
        } else {
            const auto dir = load_directory(dopts_, l);
            if (!dir) return exit_usage;
            write_directory_dot(dot, *dir, l, o);
        }
        const std::string text = dot.str();
        if (dot_path.empty()) return write_out(stdout, text) ? exit_ok : exit_usage;
        return render(dot_path, text);
    }

private:
    /// Pipes the DOT text through `dot -Tsvg` / `-Tpng`, whose output goes to our standard
    /// output.
    int render(const std::string& dot_path, const std::string& text) {
        std::fflush(stdout);
        std::string error;
        const int status = platform::run_with_input(dot_path, "-T" + format_, text, error);
        if (status < 0) {
            print_error(error);
            return exit_usage;
        }
        if (status != 0) {
            print_error("Graphviz's dot (" + dot_path + ") failed to render the graph");
            return exit_usage;
        }
        return exit_ok;
    }

    directory_options dopts_;
    std::string what_ = "directory", format_ = "dot", lang_ = "ja", prefecture_;
};

} // namespace

std::unique_ptr<command> make_graph_command(CLI::App& parent) {
    return std::make_unique<graph_cmd>(parent);
}

} // namespace mg_cli
