// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide command line — what the subcommands share: exit codes, the common options, loading
// the directory, and small output helpers. Each subcommand lives in its own cmd_*.cpp.
#pragma once

#include <mamisguide/mamisguide.hpp>

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mg_cli {

using namespace mamisguide;

/// Exit statuses: 0 a plan (or a successful command), 1 a refusal, 2 bad usage or input.
enum exit_status : int { exit_ok = 0, exit_refusal = 1, exit_usage = 2 };

/// --directory and --categories: where the associations and their catalogues come from.
struct directory_options {
    std::string directory;  ///< municipal master, CSV or JSON; empty: the bundled sample master
    std::string categories; ///< per-association catalogues CSV; empty: none
    std::string encoding = "auto"; ///< of both files: auto, utf-8 or cp932
};

/// --directory and --categories; the environment's MAMISGUIDE_DIRECTORY and
/// MAMISGUIDE_CATEGORIES name the files when the options are absent.
void add_directory_options(CLI::App& app, directory_options& o);

/// --lang ja|en (default ja).
void add_lang_option(CLI::App& app, std::string& value);
lang to_lang(const std::string& value) noexcept;

/// The built-in associations plus the master (--directory, else the environment variable
/// MAMISGUIDE_DIRECTORY, else the bundled sample, marked directory::is_sample() with a warning
/// on standard error) and the catalogues. The loaders' notices (e.g. read as CP932, columns
/// ignored) go to standard error. On failure returns nullopt with the loader's message in
/// `*error`, or printed on standard error when `error` is null.
std::optional<directory> load_directory(const directory_options& o, lang l,
                                        std::string* error = nullptr);

/// The master named by --directory or MAMISGUIDE_DIRECTORY; empty when none is.
std::string named_master(const directory_options& o);

/// The single-file web guide (mamisguide.html, made by scripts/wasm.sh) that `serve` offers at
/// /mamisguide.html: next to the executable (../share/mamisguide/, where the Debian package puts
/// it), else, in a build tree, build-wasm/ of the source tree; empty when neither exists.
std::string single_file_guide_path();

/// "mamisguide: <message>" on standard error.
void print_error(std::string_view message);

/// Writes all of `s` to `f`; false on a write error.
bool write_out(std::FILE* f, std::string_view s);

/// Columns a UTF-8 string takes on a terminal (East Asian wide characters count two).
std::size_t display_width(std::string_view s) noexcept;
/// Appends `s` and spaces up to `width` columns.
void append_padded(std::string& out, std::string_view s, std::size_t width);

/// Splits "a,b, c" into trimmed, non-empty items.
std::vector<std::string> split_list(std::string_view s);

/// A subcommand: registers its options on construction, runs after parsing.
class command {
public:
    virtual ~command(); // in common.cpp: the one copy of the vtable and the destructor
    virtual int run() = 0;
    CLI::App* app = nullptr;
};

std::unique_ptr<command> make_plan_command(CLI::App& parent);
std::unique_ptr<command> make_batch_command(CLI::App& parent);
std::unique_ptr<command> make_guide_command(CLI::App& parent);
std::unique_ptr<command> make_graph_command(CLI::App& parent);
std::unique_ptr<command> make_directory_command(CLI::App& parent);
std::unique_ptr<command> make_support_command(CLI::App& parent);
std::unique_ptr<command> make_holidays_command(CLI::App& parent);
std::unique_ptr<command> make_serve_command(CLI::App& parent);

} // namespace mg_cli
