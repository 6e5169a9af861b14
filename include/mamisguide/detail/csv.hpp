// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — reading a CSV master with libcsv (Debian's libcsv-dev): quoted fields, CRLF,
// embedded commas and quotes all work; each record is reported with the line it starts on.
#pragma once

#include "../load_error.hpp"
#include "../text.hpp"
#include "../texts/loader.hpp"
#include "codes.hpp"
#include "encoding.hpp"
#include "file.hpp"
#include "utf8.hpp"

#include <csv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace mamisguide {

/// How the bytes of a master or catalogue are read.
enum class text_encoding : unsigned char {
    automatic, ///< UTF-8 when the bytes are valid UTF-8 (with or without a BOM), else CP932
    utf8,      ///< UTF-8 only (a BOM is skipped)
    cp932,     ///< CP932: Shift_JIS with Windows' extensions, as Excel saves CSV in Japan
};

/// "auto", "utf-8", "cp932".
constexpr std::string_view to_string(text_encoding e) noexcept {
    switch (e) {
    case text_encoding::automatic:
        return "auto";
    case text_encoding::utf8:
        return "utf-8";
    case text_encoding::cp932:
        return "cp932";
    }
    return "";
}

/// Parses an encoding's name, case-insensitively: auto; utf-8 or utf8; cp932, shift_jis, sjis
/// or windows-31j. False for anything else.
inline bool parse_encoding(std::string_view s, text_encoding& out) noexcept {
    auto is = [&](std::string_view name) {
        if (s.size() != name.size()) return false;
        for (std::size_t i = 0; i < s.size(); ++i) {
            char c = s[i];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (c != name[i]) return false;
        }
        return true;
    };
    if (is("auto")) return out = text_encoding::automatic, true;
    if (is("utf-8") || is("utf8")) return out = text_encoding::utf8, true;
    if (is("cp932") || is("shift_jis") || is("sjis") || is("windows-31j"))
        return out = text_encoding::cp932, true;
    return false;
}

/// What a successful load says about the file. Values are stable.
enum class load_notice_kind : unsigned char {
    read_as_cp932,   ///< the file was not UTF-8 and was read as CP932
    columns_ignored, ///< the header has columns the library does not use (named in the detail)
};

constexpr bitext label(load_notice_kind k) noexcept {
    switch (k) {
    case load_notice_kind::read_as_cp932:
        return texts::notice_read_as_cp932;
    case load_notice_kind::columns_ignored:
        return texts::notice_columns_ignored;
    }
    return {"", ""};
}

/// A notice from a load that succeeded (or that a refusal followed).
struct load_notice {
    load_notice_kind kind = load_notice_kind::read_as_cp932;
    std::string file;   ///< the path, or the name given for a buffer
    std::string detail; ///< e.g. the ignored columns' names

    /// "file: notice (detail)".
    std::string message(lang l = lang::ja) const {
        std::string m = file + ": " + label(kind).get(l);
        if (!detail.empty()) m += " (" + detail + ")";
        return m;
    }
};

/// How to load: the encoding, and where to put the notices (none kept when null).
struct load_options {
    text_encoding encoding = text_encoding::automatic;
    std::vector<load_notice>* notices = nullptr;
};

/// Masters and catalogues larger than this are refused unread (the real master is ~100 KB).
inline constexpr std::size_t max_master_bytes = std::size_t(16) << 20;
/// The first bytes of a file that tell whether it can be a master or a catalogue at all
/// (check_file(), and the loaders' first check): a picture, a PDF, a workbook or UTF-16 is
/// recognised there.
inline constexpr std::size_t file_head_bytes = 4096;
/// Longest code and longest name accepted, in bytes.
inline constexpr std::size_t max_code_bytes = 64;
inline constexpr std::size_t max_name_bytes = 512;

namespace detail {

/// Reads a whole file, refusing one over max_master_bytes. Throws std::bad_alloc when memory
/// runs out (also when the system cannot allocate the FILE: that is not the file's fault).
inline bool read_file(const std::string& path, std::string& out, load_error& err) {
    err = load_error{load_error_kind::unreadable, path, 0, {}};
    std::FILE* f = open_file(path, "rb"); // UTF-8 on every platform (file.hpp)
    if (!f) {
        if (errno == ENOMEM) throw std::bad_alloc();
        err.detail = std::strerror(errno);
        return false;
    }
    struct closer {
        std::FILE* f;
        ~closer() {
            if (f) std::fclose(f);
        }
    } guard{f};
    // A file rewritten or truncated while it is read (a master replaced in place while a
    // service reloads it) would give a mix of two versions: refused, by its size and its
    // modification time before and after. (A file replaced by rename() reads whole: the old
    // one stays open.)
    const file_stamp before = stamp_of(f);
    out.clear();
    char buf[65536];
    for (;;) {
        const std::size_t n = std::fread(buf, 1, sizeof buf, f);
        out.append(buf, n);
        if (out.size() > max_master_bytes) {
            err.kind = load_error_kind::too_large;
            err.detail = "> " + std::to_string(max_master_bytes) + " bytes";
            return false;
        }
        if (n < sizeof buf) break;
    }
    const bool bad = std::ferror(f) != 0;
    const int e = errno;
    const bool changed =
        before.regular && !bad &&
        (stamp_of(f) != before || static_cast<std::uint64_t>(before.size) != out.size());
    guard.f = nullptr;
    std::fclose(f);
    if (bad) {
        if (e == ENOMEM) throw std::bad_alloc();
        err.detail = std::strerror(e);
        return false;
    }
    if (changed) {
        err.detail = "the file changed while it was read";
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

/// A refusal at byte `offset` of `data`: the line it is on and the byte (1-based, from the
/// start of the file) with its value.
inline bool refuse_byte(load_error& err, load_error_kind kind, std::string_view data,
                        std::size_t offset) {
    static constexpr char hex[] = "0123456789ABCDEF";
    err.kind = kind;
    err.line = 1 + static_cast<std::size_t>(
                       std::count(data.begin(), data.begin() + static_cast<long>(offset), '\n'));
    err.detail = "byte " + std::to_string(offset + 1);
    if (offset < data.size()) {
        const auto c = static_cast<unsigned char>(data[offset]);
        err.detail += " = 0x";
        err.detail.push_back(hex[c >> 4]);
        err.detail.push_back(hex[c & 15]);
    }
    return false;
}

/// Refuses (not_text) the first bytes of a file that no master or catalogue can start with: the
/// signature of a picture, a PDF, an Excel workbook (.xlsx is a ZIP, .xls an OLE2 file) or a
/// UTF-16 byte order mark (Excel's "Unicode text"), or a NUL byte (text never holds one) within
/// the first file_head_bytes. Only `data`'s first file_head_bytes are looked at, so a caller
/// that holds just a file's beginning gets the same answer as the loaders on the whole file.
inline bool refuse_not_text(std::string_view data, load_error& err) {
    const std::string_view head = data.substr(0, file_head_bytes);
    static constexpr struct {
        std::string_view magic, format;
    } signatures[] = {
        {"\x89PNG\r\n\x1A\n", "PNG"},
        {"\xFF\xD8\xFF", "JPEG"},
        {"GIF87a", "GIF"},
        {"GIF89a", "GIF"},
        {"%PDF-", "PDF"},
        {"PK\x03\x04", "ZIP: .xlsx, .docx, .ods"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "OLE2: .xls, .doc"},
        {"\xFF\xFE", "UTF-16"},
        {"\xFE\xFF", "UTF-16"},
    };
    for (const auto& s : signatures)
        if (head.substr(0, s.magic.size()) == s.magic) {
            err.kind = load_error_kind::not_text;
            err.line = 0;
            err.detail = std::string(s.format);
            return false;
        }
    const std::size_t nul = head.find('\0');
    if (nul != std::string_view::npos)
        return refuse_byte(err, load_error_kind::not_text, data, nul);
    return true;
}

/// Turns the bytes of a master or catalogue into UTF-8 text (`text`, which may point into
/// `data` or into `storage`), as `opts.encoding` says: valid UTF-8 (a BOM skipped) as is;
/// otherwise, unless UTF-8 is forced, CP932 (detail/cp932.hpp), with a notice. Refusals name the
/// line and the byte.
inline bool decode_text(std::string_view data, const std::string& source, const load_options& opts,
                        std::string& storage, std::string_view& text, load_error& err) {
    err = load_error{load_error_kind::unreadable, source, 0, {}};
    if (data.size() > max_master_bytes) {
        err.kind = load_error_kind::too_large;
        err.detail = "> " + std::to_string(max_master_bytes) + " bytes";
        return false;
    }
    if (!refuse_not_text(data, err)) return false;
    const bool bom = data.substr(0, 3) == "\xEF\xBB\xBF"; // as Excel writes "CSV UTF-8"
    if (opts.encoding != text_encoding::cp932) {
        const std::string_view body = bom ? data.substr(3) : data;
        const std::size_t bad = utf8_invalid_at(body);
        if (bad == std::string_view::npos) {
            text = body;
            return true;
        }
        if (opts.encoding == text_encoding::utf8 || bom || mostly_utf8(body))
            return refuse_byte(err, load_error_kind::invalid_utf8, data, bad + (bom ? 3 : 0));
    }
    storage.clear();
    const conversion c = cp932_to_utf8(data, storage);
    if (!c.ok())
        return refuse_byte(err,
                           opts.encoding == text_encoding::cp932
                               ? load_error_kind::invalid_cp932
                               : load_error_kind::invalid_encoding,
                           data, c.bad);
    text = storage;
    if (opts.notices && opts.encoding == text_encoding::automatic)
        opts.notices->push_back({load_notice_kind::read_as_cp932, source, {}});
    return true;
}

/// One column a loader looks for: the names a header may give it, and whether it must be there.
struct column_spec {
    const std::string_view* names; ///< the first is the English name used in messages
    std::size_t name_count;
    bool required;
};

template <std::size_t N>
constexpr column_spec column(const std::string_view (&names)[N], bool required) noexcept {
    return {names, N, required};
}

/// Finds the columns of `specs` in a header row by name: trimmed, full-width folded, ASCII
/// case-insensitive, in any order. `at[i]` is the column of spec i (npos when absent). Columns
/// not asked for are named once in a notice; a required column absent is refused (naming it),
/// a column named twice too.
template <std::size_t N>
bool map_header(const std::vector<std::string>& header, const column_spec (&specs)[N],
                std::size_t (&at)[N], const std::string& source, const load_options& opts,
                std::size_t line, load_error& err) {
    for (auto& a : at) a = std::string_view::npos;
    std::string ignored;
    for (std::size_t c = 0; c < header.size(); ++c) {
        const std::string key = header_key(header[c]);
        bool used = false;
        for (std::size_t i = 0; i < N && !used; ++i)
            for (std::size_t k = 0; k < specs[i].name_count && !used; ++k)
                if (key == header_key(specs[i].names[k])) {
                    if (at[i] != std::string_view::npos) {
                        err.kind = load_error_kind::bad_header;
                        err.line = line;
                        err.detail = std::string(trim_value(header[c]));
                        return false;
                    }
                    at[i] = c;
                    used = true;
                }
        if (used) continue;
        if (!ignored.empty()) ignored += ", ";
        if (key.empty())
            ignored += "#" + std::to_string(c + 1); // a column without a name: its position
        else
            ignored += trim_value(header[c]);
    }
    std::string missing;
    for (std::size_t i = 0; i < N; ++i)
        if (specs[i].required && at[i] == std::string_view::npos) {
            if (!missing.empty()) missing += ", ";
            missing += specs[i].names[0];
        }
    if (!missing.empty()) {
        err.kind = load_error_kind::missing_column;
        err.line = line;
        err.detail = std::move(missing);
        return false;
    }
    if (!ignored.empty() && opts.notices)
        opts.notices->push_back({load_notice_kind::columns_ignored, source, std::move(ignored)});
    return true;
}

/// Checks a data row against a header of `columns` fields: fewer fields is refused; more is
/// accepted only when the extra ones are empty (Excel pads rows with trailing commas).
inline bool check_width(const std::vector<std::string>& f, std::size_t columns, std::size_t line,
                        load_error& err) {
    bool ok = f.size() >= columns;
    for (std::size_t i = columns; ok && i < f.size(); ++i) ok = trim_value(f[i]).empty();
    if (ok) return true;
    err.kind = load_error_kind::column_count;
    err.line = line;
    err.detail = std::to_string(f.size()) + " != " + std::to_string(columns);
    return false;
}

/// True for a row whose fields are all empty or spaces (a blank row as Excel writes it: ",,,").
inline bool blank_row(const std::vector<std::string>& f) noexcept {
    for (const std::string& x : f)
        if (!trim_value(x).empty()) return false;
    return true;
}

/// Parses `data` as CSV, after decode_text(). Calls `on_record(fields, line)` for every
/// record (the header too) that is not blank, where `line` is the 1-based line the record
/// starts on; stops at the first error, which either the reader or `on_record` (by returning
/// false after filling `err`) reports.
template <class OnRecord>
bool read_csv(std::string_view raw, const std::string& source, const load_options& opts,
              load_error& err, OnRecord&& on_record) {
    std::string storage;
    std::string_view data;
    if (!decode_text(raw, source, opts, storage, data, err)) return false;

    struct state {
        std::vector<std::string> fields;
        std::size_t line = 0, record_line = 0;
        bool in_record = false, failed = false;
        load_error* err;
        std::remove_reference_t<OnRecord>* cb;
        std::exception_ptr thrown; ///< from a callback: no exception may cross libcsv (C)
    } st;
    st.err = &err;
    st.cb = &on_record;

    // The callbacks run inside libcsv: an exception (std::bad_alloc) is kept, the parse
    // stopped, and the exception thrown again once libcsv's state is freed.
    auto on_field = [](void* s, std::size_t n, void* d) {
        auto* x = static_cast<state*>(d);
        if (x->failed) return;
        try {
            x->fields.emplace_back(static_cast<const char*>(s), n);
        } catch (...) {
            x->thrown = std::current_exception();
            x->failed = true;
        }
    };
    auto on_row = [](int, void* d) {
        auto* x = static_cast<state*>(d);
        if (!x->failed) {
            try {
                if (!blank_row(x->fields) && !(*x->cb)(x->fields, x->record_line)) x->failed = true;
            } catch (...) {
                x->thrown = std::current_exception();
                x->failed = true;
            }
        }
        x->fields.clear();
        x->in_record = false;
    };

    csv_parser p;
    // libcsv's csv_init fails only when given no parser (it allocates nothing): no check.
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
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
    const int csv_err = ok ? CSV_SUCCESS : csv_error(&p);
    csv_free(&p);
    if (st.thrown) std::rethrow_exception(st.thrown);
    // libcsv grows its field buffer with realloc: out of memory, not a malformed file.
    if (csv_err == CSV_ENOMEM) throw std::bad_alloc();
    if (!ok && !st.failed) {
        err.kind = load_error_kind::csv_syntax;
        err.line = st.in_record ? st.record_line : st.line;
        err.detail = csv_strerror(csv_err);
    }
    return ok && !st.failed;
}

} // namespace detail

/// Whether a file can be a master or a catalogue, from its size and its first bytes, before it
/// is read: the loaders' own first checks, so that a caller that reads files itself (the
/// single-file web guide, through mg_check_file) refuses a 200 MB file or a picture without
/// reading it, with the refusal the loaders would give. `head` is the file's beginning: its first
/// file_head_bytes bytes, or all of it when it is shorter (more are not looked at). Returns the
/// refusal (too_large, not_text; `source` names the file), or nothing when the loaders would
/// read on.
inline std::optional<load_error> check_file(const std::string& source, std::uint64_t size,
                                            std::string_view head) {
    load_error err{load_error_kind::too_large, source, 0, {}};
    if (size > max_master_bytes) {
        err.detail = "> " + std::to_string(max_master_bytes) + " bytes";
        return err;
    }
    if (!detail::refuse_not_text(head, err)) return err;
    return std::nullopt;
}

} // namespace mamisguide
