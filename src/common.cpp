// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide command line — the shared options, directory loading and output helpers.
#include "cli.hpp"
#include "json.hpp"
#include "platform.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

namespace mg_cli {

command::~command() = default;

void add_directory_options(CLI::App& app, directory_options& o) {
    [[maybe_unused]] CLI::Option* directory =
        app.add_option(
               "--directory", o.directory,
               "Municipal master: CSV with the columns code, name, prefecture[, name_en] "
               "(any order, English or Japanese names, other columns ignored) or JSON (an "
               "array of {code,name,prefecture[,name_en]}); default: $MAMISGUIDE_DIRECTORY, "
               "else the bundled sample master")
            ->type_name("FILE");
    [[maybe_unused]] CLI::Option* categories =
        app.add_option("--categories", o.categories,
                       "Category catalogues CSV (association,code,label); default: "
                       "$MAMISGUIDE_CATEGORIES, else none")
            ->type_name("FILE");
    // The environment's MAMISGUIDE_DIRECTORY and MAMISGUIDE_CATEGORIES, when the options are
    // absent: through CLI11, except on Windows, where CLI11 would read them in the ANSI code
    // page; there named_master() and load_directory() read them as UTF-8.
#ifndef _WIN32
    directory->envname("MAMISGUIDE_DIRECTORY");
    categories->envname("MAMISGUIDE_CATEGORIES");
#endif
    app.add_option("--encoding", o.encoding,
                   "Encoding of --directory and --categories: auto (default: UTF-8 when valid, "
                   "else CP932), utf-8 or cp932 (Shift_JIS, as Excel saves CSV)")
        ->check(CLI::IsMember({"auto", "utf-8", "cp932"}))
        ->type_name("ENC");
}

void add_lang_option(CLI::App& app, std::string& value) {
    app.add_option("--lang", value, "Language of the text: ja (default) or en")
        ->check(CLI::IsMember({"ja", "en"}));
}

lang to_lang(const std::string& value) noexcept {
    return value == "en" ? lang::en : lang::ja;
}

std::string single_file_guide_path() {
    const std::string dir = platform::executable_dir();
    if (!dir.empty()) {
        std::string installed = dir + "/../share/mamisguide/mamisguide.html";
        if (platform::readable(installed)) return installed;
    }
#ifdef MG_GUIDE_HTML
    if (platform::readable(MG_GUIDE_HTML)) return MG_GUIDE_HTML;
#endif
    return {};
}

std::string named_master(const directory_options& o) {
    if (!o.directory.empty()) return o.directory;
    return platform::environment("MAMISGUIDE_DIRECTORY");
}

std::optional<directory> load_directory(const directory_options& o, lang l, std::string* error) {
    directory dir = directory::builtin();
    const auto refused = [&](const std::string& message) {
        if (error)
            *error = message;
        else
            print_error(message);
        return std::nullopt;
    };
    std::vector<load_notice> notices;
    load_options opts{text_encoding::automatic, &notices};
    parse_encoding(o.encoding, opts.encoding); // checked by the option's validator
    auto tell = [&] {
        for (const load_notice& n : notices) print_error(n.message(l));
        notices.clear();
    };
    const std::string master = named_master(o);
    // Without a master, the sample built into the library (mg_engine_load_sample's), never used
    // silently: the plans' JSON and text say so, and stderr warns (once per run).
    const bool sample = master.empty();
    if (sample) {
        static bool warned = false;
        if (!warned) print_error(texts::sample_warning.get(l));
        warned = true;
    }
    {
        auto loaded = sample ? json::load_sample_master(dir, opts)
                             : json::load_master_file_any(dir, master, opts);
        tell();
        if (!loaded) return refused(loaded.error().message(l));
        dir = std::move(*loaded);
    }
    std::string categories = o.categories;
#ifdef _WIN32
    if (categories.empty()) categories = platform::environment("MAMISGUIDE_CATEGORIES");
#endif
    if (!categories.empty()) {
        auto loaded = load_categories_file(dir, categories, opts);
        tell();
        if (!loaded) return refused(loaded.error().message(l));
        dir = std::move(*loaded);
    }
    dir.set_sample(sample);
    return dir;
}

void print_error(std::string_view message) {
    std::fflush(stdout);
    std::string line = "mamisguide: ";
    line.append(message);
    line.push_back('\n');
    write_out(stderr, line);
}

bool write_out(std::FILE* f, std::string_view s) {
    if (s.empty()) return true;
    return platform::write(f, s);
}

std::size_t display_width(std::string_view s) noexcept {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        char32_t cp = c;
        std::size_t len = 1;
        if (c >= 0xF0)
            cp = c & 0x07u, len = 4;
        else if (c >= 0xE0)
            cp = c & 0x0Fu, len = 3;
        else if (c >= 0xC0)
            cp = c & 0x1Fu, len = 2;
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
        i += len;
        if (c >= 0x80 && c < 0xC0) continue; // stray continuation byte
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                          (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                          (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        width += wide ? 2 : 1;
    }
    return width;
}

void append_padded(std::string& out, std::string_view s, std::size_t width) {
    out.append(s);
    for (std::size_t w = display_width(s); w < width; ++w) out.push_back(' ');
}

std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t comma = s.find(',', start);
        if (comma == std::string_view::npos) comma = s.size();
        std::string_view item = s.substr(start, comma - start);
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t'))
            item.remove_prefix(1);
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
        if (!item.empty()) items.emplace_back(item);
        start = comma + 1;
    }
    return items;
}

} // namespace mg_cli
