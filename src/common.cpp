// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide command line — the shared options, directory loading and output helpers.
#include "cli.hpp"
#include "json.hpp"

#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <iostream>

namespace mg_cli {

void add_directory_options(CLI::App& app, directory_options& o) {
    app.add_option("--directory", o.directory,
                   "Municipal master: CSV with the columns code, name, prefecture[, name_en] "
                   "(any order, English or Japanese names, other columns ignored) or JSON (an "
                   "array of {code,name,prefecture[,name_en]}); default: $MAMISGUIDE_DIRECTORY, "
                   "else the bundled sample master")
        ->type_name("FILE")
        ->envname("MAMISGUIDE_DIRECTORY");
    app.add_option("--categories", o.categories,
                   "Category catalogues CSV (association,code,label); default: "
                   "$MAMISGUIDE_CATEGORIES, else none")
        ->type_name("FILE")
        ->envname("MAMISGUIDE_CATEGORIES");
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

namespace {

bool readable(const std::string& path) {
    return !path.empty() && ::access(path.c_str(), R_OK) == 0;
}

std::string executable_dir() {
    char buf[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return {};
    std::string p(buf, static_cast<std::size_t>(n));
    const auto slash = p.rfind('/');
    return slash == std::string::npos ? std::string() : p.substr(0, slash);
}

} // namespace

std::string sample_master_path() {
    const std::string dir = executable_dir();
    if (!dir.empty()) {
        std::string installed = dir + "/../share/mamisguide/sample-municipal.csv";
        if (readable(installed)) return installed;
    }
#ifdef MG_SAMPLE_MASTER
    if (readable(MG_SAMPLE_MASTER)) return MG_SAMPLE_MASTER;
#endif
    return {};
}

std::string single_file_guide_path() {
    const std::string dir = executable_dir();
    if (!dir.empty()) {
        std::string installed = dir + "/../share/mamisguide/mamisguide.html";
        if (readable(installed)) return installed;
    }
#ifdef MG_GUIDE_HTML
    if (readable(MG_GUIDE_HTML)) return MG_GUIDE_HTML;
#endif
    return {};
}

std::string named_master(const directory_options& o) {
    if (!o.directory.empty()) return o.directory;
    const char* env = std::getenv("MAMISGUIDE_DIRECTORY");
    return env ? std::string(env) : std::string();
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
    std::string master = named_master(o);
    // The sample is never used silently: the plans' JSON and text say so, and stderr warns
    // (once per run).
    const bool sample = master.empty();
    if (sample) {
        master = sample_master_path();
        static bool warned = false;
        if (!warned && !master.empty()) print_error(texts::sample_warning.get(l));
        warned = true;
    }
    if (!master.empty()) {
        auto loaded = json::load_master_file_any(dir, master, opts);
        tell();
        if (!loaded) return refused(loaded.error().message(l));
        dir = std::move(*loaded);
    }
    if (!o.categories.empty()) {
        auto loaded = load_categories_file(dir, o.categories, opts);
        tell();
        if (!loaded) return refused(loaded.error().message(l));
        dir = std::move(*loaded);
    }
    dir.set_sample(sample && !sample_master_path().empty());
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
    return std::fwrite(s.data(), 1, s.size(), f) == s.size();
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
