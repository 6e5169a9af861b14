// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide graph — DOT of the association hierarchy or of the membership state machine;
// SVG through Graphviz's `dot` when it is installed.
#include "cli.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <sstream>

namespace mg_cli {
namespace {

/// The path of an executable named `name` on PATH, or empty.
std::string find_on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    if (!path) return {};
    for (const std::string& dir : [&] {
             std::vector<std::string> dirs;
             std::string_view p(path);
             std::size_t start = 0;
             while (start <= p.size()) {
                 std::size_t colon = p.find(':', start);
                 if (colon == std::string_view::npos) colon = p.size();
                 dirs.emplace_back(p.substr(start, colon - start));
                 start = colon + 1;
             }
             return dirs;
         }()) {
        const std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + name;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return {};
}

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
            dot_path = find_on_path("dot");
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
        const std::string type = "-T" + format_;
        std::fflush(stdout);
        int fds[2];
        if (::pipe(fds) != 0) {
            print_error(std::string("pipe: ") + std::strerror(errno));
            return exit_usage;
        }
        const pid_t pid = ::fork();
        if (pid < 0) {
            print_error(std::string("fork: ") + std::strerror(errno));
            return exit_usage;
        }
        if (pid == 0) {
            ::dup2(fds[0], STDIN_FILENO);
            ::close(fds[0]);
            ::close(fds[1]);
            ::execl(dot_path.c_str(), "dot", type.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(fds[0]);
        std::signal(SIGPIPE, SIG_IGN); // a dot that exits early must not kill us
        bool wrote = true;
        for (std::size_t off = 0; off < text.size();) {
            const ssize_t n = ::write(fds[1], text.data() + off, text.size() - off);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                wrote = false;
                break;
            }
            off += static_cast<std::size_t>(n);
        }
        ::close(fds[1]);
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (!wrote || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
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
