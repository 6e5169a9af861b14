// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — why a master or catalogue was refused (public: every loader returns it).
#pragma once

#include "text.hpp"
#include "texts/loader.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace mamisguide {

/// Why a master or catalogue file was refused. Values are stable.
enum class load_error_kind : unsigned char {
    unreadable,          ///< the file cannot be opened or read
    too_large,           ///< larger than max_master_bytes
    invalid_utf8,        ///< not valid UTF-8 (read as UTF-8, or mostly UTF-8 with bad bytes)
    csv_syntax,          ///< e.g. an unterminated quoted field
    missing_header,      ///< the file has no rows at all
    bad_header,          ///< the header names one column twice
    column_count,        ///< a row with fewer fields than the header (or more, not empty)
    empty_field,         ///< a required field is empty
    invalid_field,       ///< a control character, whitespace inside a code, or too long
    unknown_prefecture,  ///< the prefecture column names no prefecture
    wrong_level,         ///< the parent named is not one level up
    duplicate_code,      ///< a code already in the file or the directory
    unknown_association, ///< (catalogues) the association is not in the directory
    catalogue_exists,    ///< (catalogues) the association already has a loaded catalogue
    builtin_catalogue,   ///< (catalogues) JMA's catalogue is built in and cannot be replaced
    json_syntax,         ///< (JSON masters) not well-formed JSON
    bad_entry,           ///< (JSON masters) not an array of objects with the expected fields
    missing_column,      ///< the header lacks a required column (named in the detail)
    invalid_cp932,       ///< read as CP932 (forced) and not valid CP932
    invalid_encoding,    ///< neither UTF-8 nor CP932
    not_text,            ///< not a CSV or JSON text at all: an image, a PDF, a workbook, UTF-16
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
    case load_error_kind::missing_column:
        return "missing_column";
    case load_error_kind::invalid_cp932:
        return "invalid_cp932";
    case load_error_kind::invalid_encoding:
        return "invalid_encoding";
    case load_error_kind::not_text:
        return "not_text";
    }
    return "unreadable";
}

/// The reason in words.
constexpr bitext label(load_error_kind k) noexcept {
    switch (k) {
    case load_error_kind::unreadable:
        return texts::load_unreadable;
    case load_error_kind::too_large:
        return texts::load_too_large;
    case load_error_kind::invalid_utf8:
        return texts::load_invalid_utf8;
    case load_error_kind::csv_syntax:
        return texts::load_csv_syntax;
    case load_error_kind::missing_header:
        return texts::load_missing_header;
    case load_error_kind::bad_header:
        return texts::load_bad_header;
    case load_error_kind::column_count:
        return texts::load_column_count;
    case load_error_kind::empty_field:
        return texts::load_empty_field;
    case load_error_kind::invalid_field:
        return texts::load_invalid_field;
    case load_error_kind::unknown_prefecture:
        return texts::load_unknown_prefecture;
    case load_error_kind::wrong_level:
        return texts::load_wrong_level;
    case load_error_kind::duplicate_code:
        return texts::load_duplicate_code;
    case load_error_kind::unknown_association:
        return texts::load_unknown_association;
    case load_error_kind::catalogue_exists:
        return texts::load_catalogue_exists;
    case load_error_kind::builtin_catalogue:
        return texts::load_builtin_catalogue;
    case load_error_kind::json_syntax:
        return texts::load_json_syntax;
    case load_error_kind::bad_entry:
        return texts::load_bad_entry;
    case load_error_kind::missing_column:
        return texts::load_missing_column;
    case load_error_kind::invalid_cp932:
        return texts::load_invalid_cp932;
    case load_error_kind::invalid_encoding:
        return texts::load_invalid_encoding;
    case load_error_kind::not_text:
        return texts::load_not_text;
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
        m += label(kind).get(l);
        if (!detail.empty()) m += " (" + detail + ")";
        return m;
    }
};

} // namespace mamisguide
