// mamisguide — reading a CSV master with libcsv (Debian's libcsv-dev): quoted fields, CRLF,
// embedded commas and quotes all work; each record is reported with the line it starts on.
#pragma once

#include "../text.hpp"
#include "utf8.hpp"

#include <csv.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace mamisguide {

/// Why a master or catalogue file was refused. Values are stable.
enum class load_error_kind : unsigned char {
    unreadable,          ///< the file cannot be opened or read
    too_large,           ///< larger than max_master_bytes
    invalid_utf8,        ///< not valid UTF-8
    csv_syntax,          ///< e.g. an unterminated quoted field
    missing_header,      ///< the file has no rows at all
    bad_header,          ///< the first row is not the expected header
    column_count,        ///< a row with a different number of columns than the header
    empty_field,         ///< a required field is empty
    invalid_field,       ///< a control character, whitespace inside a code, or too long
    unknown_prefecture,  ///< the prefecture column names no association
    wrong_level,         ///< the parent named is not one level up
    duplicate_code,      ///< a code already in the file or the directory
    unknown_association, ///< (catalogues) the association is not in the directory
    catalogue_exists,    ///< (catalogues) the association already has a loaded catalogue
    builtin_catalogue,   ///< (catalogues) JMA's catalogue is built in and cannot be replaced
    json_syntax,         ///< (JSON masters) not well-formed JSON
    bad_entry,           ///< (JSON masters) not an array of objects with the expected fields
};

/// The wire name ("unreadable", "duplicate_code", …): the enumerator's own name.
constexpr std::string_view to_string(load_error_kind k) noexcept {
    switch (k) {
    case load_error_kind::unreadable:
        return "unreadable";
    case load_error_kind::too_large:
        return "too_large";
    case load_error_kind::invalid_utf8:
        return "invalid_utf8";
    case load_error_kind::csv_syntax:
        return "csv_syntax";
    case load_error_kind::missing_header:
        return "missing_header";
    case load_error_kind::bad_header:
        return "bad_header";
    case load_error_kind::column_count:
        return "column_count";
    case load_error_kind::empty_field:
        return "empty_field";
    case load_error_kind::invalid_field:
        return "invalid_field";
    case load_error_kind::unknown_prefecture:
        return "unknown_prefecture";
    case load_error_kind::wrong_level:
        return "wrong_level";
    case load_error_kind::duplicate_code:
        return "duplicate_code";
    case load_error_kind::unknown_association:
        return "unknown_association";
    case load_error_kind::catalogue_exists:
        return "catalogue_exists";
    case load_error_kind::builtin_catalogue:
        return "builtin_catalogue";
    case load_error_kind::json_syntax:
        return "json_syntax";
    case load_error_kind::bad_entry:
        return "bad_entry";
    }
    return "unreadable";
}

/// The reason in words.
constexpr bitext describe(load_error_kind k) noexcept {
    switch (k) {
    case load_error_kind::unreadable:
        return {"ファイルを読み込めません", "the file cannot be read"};
    case load_error_kind::too_large:
        return {"ファイルが大きすぎます", "the file is too large"};
    case load_error_kind::invalid_utf8:
        return {"UTF-8 として正しくないバイト列があります", "invalid UTF-8"};
    case load_error_kind::csv_syntax:
        return {"CSV の書式が正しくありません", "malformed CSV"};
    case load_error_kind::missing_header:
        return {"見出し行がありません", "the header row is missing"};
    case load_error_kind::bad_header:
        return {"見出し行が正しくありません", "wrong header row"};
    case load_error_kind::column_count:
        return {"列の数が見出し行と一致しません", "wrong number of columns"};
    case load_error_kind::empty_field:
        return {"必須の項目が空です", "a required field is empty"};
    case load_error_kind::invalid_field:
        return {"使用できない文字を含むか、長すぎる項目があります",
                "a field holds a forbidden character or is too long"};
    case load_error_kind::unknown_prefecture:
        return {"都道府県コードが存在しません", "unknown prefecture code"};
    case load_error_kind::wrong_level:
        return {"上位の医師会の階層が正しくありません", "the parent is not one level up"};
    case load_error_kind::duplicate_code:
        return {"コードが重複しています", "duplicate code"};
    case load_error_kind::unknown_association:
        return {"医師会コードが存在しません", "unknown association code"};
    case load_error_kind::catalogue_exists:
        return {"この医師会の会員区分はすでに読み込まれています",
                "a catalogue is already loaded for this association"};
    case load_error_kind::builtin_catalogue:
        return {"日本医師会の会員区分は組み込みのため変更できません",
                "JMA's catalogue is built in and cannot be replaced"};
    case load_error_kind::json_syntax:
        return {"JSON の書式が正しくありません", "malformed JSON"};
    case load_error_kind::bad_entry:
        return {"JSON の構成が正しくありません（code, name, prefecture と任意の name_en "
                "を文字列で持つオブジェクトの配列が必要です）",
                "wrong JSON shape: expected an array of objects with the string fields code, "
                "name, prefecture and, optionally, name_en"};
    }
    return {"", ""};
}

/// A refused load: nothing was loaded. `line` is 1-based (0: the file as a whole).
struct load_error {
    load_error_kind kind = load_error_kind::unreadable;
    std::string file; ///< the path, or the name given for a buffer
    std::size_t line = 0;
    std::string detail; ///< the offending value or the system's reason, if any

    /// "file:line: reason (detail)".
    std::string message(lang l = lang::ja) const {
        std::string m = file;
        if (line) m += ":" + std::to_string(line);
        m += ": ";
        m += describe(kind).get(l);
        if (!detail.empty()) m += " (" + detail + ")";
        return m;
    }
};

/// Masters and catalogues larger than this are refused unread (the real master is ~100 KB).
inline constexpr std::size_t max_master_bytes = std::size_t(16) << 20;
/// Longest code and longest name accepted, in bytes.
inline constexpr std::size_t max_code_bytes = 64;
inline constexpr std::size_t max_name_bytes = 512;

namespace detail {

/// Reads a whole file, refusing one over max_master_bytes.
inline bool read_file(const std::string& path, std::string& out, load_error& err) {
    err = load_error{load_error_kind::unreadable, path, 0, {}};
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        err.detail = std::strerror(errno);
        return false;
    }
    out.clear();
    char buf[65536];
    for (;;) {
        const std::size_t n = std::fread(buf, 1, sizeof buf, f);
        out.append(buf, n);
        if (out.size() > max_master_bytes) {
            std::fclose(f);
            err.kind = load_error_kind::too_large;
            err.detail = "> " + std::to_string(max_master_bytes) + " bytes";
            return false;
        }
        if (n < sizeof buf) break;
    }
    const bool bad = std::ferror(f) != 0;
    const int e = errno;
    std::fclose(f);
    if (bad) {
        err.detail = std::strerror(e);
        return false;
    }
    return true;
}

/// True if a field may be stored: no control characters and not over `max` bytes.
inline bool clean_field(std::string_view s, std::size_t max) noexcept {
    if (s.size() > max) return false;
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7F) return false;
    return true;
}

/// A code additionally holds no spaces (ASCII or ideographic).
inline bool clean_code(std::string_view s) noexcept {
    if (!clean_field(s, max_code_bytes)) return false;
    return s.find(' ') == std::string_view::npos && s.find("\u3000") == std::string_view::npos;
}

/// Parses `data` as CSV. Calls `on_record(fields, line)` for every record (the header too),
/// where `line` is the 1-based line the record starts on; stops at the first error, which
/// either the reader or `on_record` (by returning false after filling `err`) reports.
template <class OnRecord>
bool read_csv(std::string_view data, const std::string& source, load_error& err,
              OnRecord&& on_record) {
    err = load_error{load_error_kind::unreadable, source, 0, {}};
    if (data.size() > max_master_bytes) {
        err.kind = load_error_kind::too_large;
        return false;
    }
    if (data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3); // a BOM, as Excel writes
    if (const std::size_t bad = utf8_invalid_at(data); bad != std::string_view::npos) {
        err.kind = load_error_kind::invalid_utf8;
        err.line = 1 + static_cast<std::size_t>(
                           std::count(data.begin(), data.begin() + static_cast<long>(bad), '\n'));
        err.detail = "byte " + std::to_string(bad + 1);
        return false;
    }

    struct state {
        std::vector<std::string> fields;
        std::size_t line = 0, record_line = 0;
        bool in_record = false, failed = false;
        load_error* err;
        std::remove_reference_t<OnRecord>* cb;
    } st;
    st.err = &err;
    st.cb = &on_record;

    auto on_field = [](void* s, std::size_t n, void* d) {
        auto* x = static_cast<state*>(d);
        x->fields.emplace_back(static_cast<const char*>(s), n);
    };
    auto on_row = [](int, void* d) {
        auto* x = static_cast<state*>(d);
        if (!x->failed && !(*x->cb)(x->fields, x->record_line)) x->failed = true;
        x->fields.clear();
        x->in_record = false;
    };

    csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        err.detail = "csv_init";
        return false;
    }
    // Feed one physical line at a time, so we always know which line a record starts on.
    // Lines starting with '#' before the header are comments (a master says where it is from).
    std::size_t pos = 0;
    while (pos < data.size() && data[pos] == '#') {
        const std::size_t eol = data.find('\n', pos);
        pos = eol == std::string_view::npos ? data.size() : eol + 1;
        ++st.line;
    }
    bool ok = true;
    while (ok && !st.failed && pos < data.size()) {
        std::size_t eol = data.find('\n', pos);
        eol = eol == std::string_view::npos ? data.size() : eol + 1;
        ++st.line;
        std::string_view chunk = data.substr(pos, eol - pos);
        if (!st.in_record && chunk.find_first_not_of("\r\n") != std::string_view::npos) {
            st.in_record = true;
            st.record_line = st.line;
        }
        if (csv_parse(&p, chunk.data(), chunk.size(), on_field, on_row, &st) != chunk.size())
            ok = false;
        pos = eol;
    }
    if (ok && !st.failed && csv_fini(&p, on_field, on_row, &st) != 0) ok = false;
    if (!ok && !st.failed) {
        err.kind = load_error_kind::csv_syntax;
        err.line = st.in_record ? st.record_line : st.line;
        err.detail = csv_strerror(csv_error(&p));
    }
    csv_free(&p);
    return ok && !st.failed;
}

} // namespace detail
} // namespace mamisguide
