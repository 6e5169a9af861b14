// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the command line: dispatch to the subcommands and the exit statuses.
//
//   0  a plan, or any other command that succeeded (batch: the run completed, refusals or not)
//   1  a refusal (plan, guide); no association matched (directory)
//   2  bad usage, unreadable input, a master or catalogue that fails to load
#include "cli.hpp"
#include "platform.hpp"

#include <mamisguide/version.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

/// Japanese mode unless `--lang en` (or `--lang=en`) is on the command line: Japanese is the
/// default everywhere.
bool japanese_mode(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--lang=en") return false;
        if (a == "--lang" && i + 1 < argc && std::string_view(argv[i + 1]) == "en") return false;
    }
    return true;
}

/// What a CLI11 usage error means, for the line added after CLI11's own message.
const mamisguide::bitext& usage_error_text(const CLI::ParseError& e) {
    using namespace mamisguide;
    if (dynamic_cast<const CLI::RequiredError*>(&e)) return texts::usage_required;
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) return texts::usage_extras;
    if (dynamic_cast<const CLI::ValidationError*>(&e) ||
        dynamic_cast<const CLI::ConversionError*>(&e))
        return texts::usage_invalid_value;
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) return texts::usage_argument_count;
    return texts::usage_other;
}

} // namespace

int main(int argc, char** argv) {
    using namespace mg_cli;
    // UTF-8 arguments on every platform (Windows: from the wide command line).
    platform::start();
    std::vector<std::string> args = platform::arguments(argc, argv);
    std::vector<char*> arg_pointers;
    for (std::string& a : args) arg_pointers.push_back(a.data());
    arg_pointers.push_back(nullptr);
    argc = static_cast<int>(args.size());
    argv = arg_pointers.data();

    CLI::App app{"mamisguide — the MAMIS application guide: which form, which "
                 "boxes, which categories, in which order, or a refusal with a stable code.",
                 "mamisguide"};
    app.set_version_flag("--version", "mamisguide " MAMISGUIDE_VERSION_STRING,
                         "Print the version and exit");
    app.require_subcommand(1);
    app.footer("Exit status: 0 plan / success, 1 refusal, 2 bad usage or unreadable input.\n"
               "Run 'mamisguide SUBCOMMAND --help' for a subcommand's options.");

    std::unique_ptr<command> commands[] = {
        make_plan_command(app),     make_batch_command(app),     make_guide_command(app),
        make_graph_command(app),    make_directory_command(app), make_support_command(app),
        make_holidays_command(app), make_serve_command(app),
    };

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        if (rc != 0 && japanese_mode(argc, argv)) {
            std::string line = usage_error_text(e).ja;
            line += texts::usage_help.ja;
            print_error(line);
        }
        return rc == 0 ? exit_ok : exit_usage;
    }
    try {
        for (auto& c : commands)
            if (c->app->parsed()) {
                const int rc = c->run();
                if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
                    print_error(std::string("cannot write the output: ") + std::strerror(errno));
                    return exit_usage;
                }
                return rc;
            }
    } catch (const std::exception& e) {
        print_error(e.what());
        return exit_usage;
    }
    return exit_usage;
}
