// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — loading municipal associations from a CSV master (or from rows, for masters in
// another format: the C ABI and the command line read JSON masters that way).
//
// A header row naming the columns code, name, prefecture and, optionally, name_en (in any
// order, in English or Japanese: texts/loader.hpp), then one association per row; `prefecture`
// is the prefecture's JIS code (13, 01 or 1) or name (東京都, 東京). UTF-8 or CP932. A load is
// all or nothing: the first problem refuses the whole file, naming the file, the line and the
// reason.
#pragma once

#include "detail/csv.hpp"
#include "directory.hpp"

#include <tl/expected.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mamisguide {

/// One municipal association as a master states it (whatever the file's format).
struct master_row {
    std::string code;
    std::string name;
    std::string prefecture; ///< the prefecture: JIS code (01…47, 1…47) or name
    std::string name_en;    ///< may be empty
    std::size_t line = 0;   ///< where the row stands in its source, for error messages
};

namespace detail {

/// Checks rows one by one and adds them to a copy of a directory: the one place the master's
/// rules live, for every format (CSV here, JSON in the C ABI, rows from a C++ caller).
class master_builder {
public:
    explicit master_builder(const directory& base)
        : data_(std::make_shared<directory_data>(*base.data())) {}

    /// Adds one association; on a problem fills `err` (kind, line, detail) and returns false.
    /// Values are trimmed (ASCII and ideographic spaces); the code is folded (full-width
    /// letters and digits to ASCII); the prefecture is a JIS code (with or without the leading
    /// zero, in either width) or a prefecture's name (parse_prefecture()).
    bool add(std::string_view code_in, std::string_view name_in, std::string_view pref_in,
             std::string_view name_en_in, std::size_t line, load_error& err) {
        auto fail = [&](load_error_kind k, std::string detail) {
            err.kind = k;
            err.line = line;
            err.detail = std::move(detail);
            return false;
        };
        const std::string code = fold_code(code_in);
        const std::string_view name = trim_value(name_in), pref = trim_value(pref_in),
                               name_en = trim_value(name_en_in);
        if (code.empty()) return fail(load_error_kind::empty_field, "code");
        if (name.empty()) return fail(load_error_kind::empty_field, "name");
        if (pref.empty()) return fail(load_error_kind::empty_field, "prefecture");
        if (!clean_code(code)) return fail(load_error_kind::invalid_field, "code");
        if (!clean_field(name, max_name_bytes)) return fail(load_error_kind::invalid_field, "name");
        if (!clean_field(name_en, max_name_bytes))
            return fail(load_error_kind::invalid_field, "name_en");
        // Checked like a code before it is looked up: error messages quote it.
        if (!clean_code(pref)) return fail(load_error_kind::invalid_field, "prefecture");
        association_id parent = 0;
        if (const auto n = parse_prefecture(pref)) {
            parent = directory::prefecture(*n);
        } else {
            const auto other = data_->find(pref); // "00", or a municipal code: not one level up
            if (!other) return fail(load_error_kind::unknown_prefecture, std::string(pref));
            return fail(load_error_kind::wrong_level, std::string(pref));
        }
        if (data_->find(code))
            return fail(load_error_kind::duplicate_code, code + " (loaded before)");
        if (auto [it, fresh] = seen_.emplace(code, line); !fresh)
            return fail(load_error_kind::duplicate_code,
                        code + " (line " + std::to_string(it->second) + ")");
        const association_id v = boost::add_vertex(
            association{level::municipal, code, std::string(name), std::string(name_en)},
            data_->graph);
        boost::add_edge(v, parent, data_->graph);
        return true;
    }

    /// The new directory (call once, after the last add()).
    directory finish() {
        data_->reindex();
        return directory(std::move(data_));
    }

private:
    std::shared_ptr<directory_data> data_;
    std::unordered_map<std::string, std::size_t> seen_; // code → line, for duplicates in the file
};

} // namespace detail

/// Adds municipal associations given as rows to `base`, returning a new directory (`base` is
/// unchanged), with the same checks as a CSV master: all or nothing, the first problem names
/// `source` and the row's `line`. For masters in a format of the caller's own.
inline tl::expected<directory, load_error> load_master_rows(const directory& base,
                                                            const std::vector<master_row>& rows,
                                                            std::string source = "<rows>") {
    detail::master_builder b(base);
    load_error err{load_error_kind::unreadable, std::move(source), 0, {}};
    for (const master_row& r : rows)
        if (!b.add(r.code, r.name, r.prefecture, r.name_en, r.line, err))
            return tl::make_unexpected(std::move(err));
    return b.finish();
}

/// Adds the municipal associations of a CSV master held in memory to `base`, returning a new
/// directory (`base` is unchanged). `source` names the data in messages. The bytes are UTF-8
/// or CP932 (opts.encoding); the header names the columns, in any order (texts/loader.hpp);
/// other columns are ignored, with a notice in opts.notices.
inline tl::expected<directory, load_error> load_master(const directory& base, std::string_view csv,
                                                       std::string source = "<buffer>",
                                                       const load_options& opts = {}) {
    using texts::column_master_code, texts::column_master_name, texts::column_master_prefecture,
        texts::column_master_name_en;
    static constexpr detail::column_spec specs[] = {detail::column(column_master_code, true),
                                                    detail::column(column_master_name, true),
                                                    detail::column(column_master_prefecture, true),
                                                    detail::column(column_master_name_en, false)};
    detail::master_builder b(base);
    std::size_t at[4] = {};
    std::size_t columns = 0;
    load_error err;
    auto on_record = [&](std::vector<std::string>& f, std::size_t line) {
        if (columns == 0) {
            if (!detail::map_header(f, specs, at, source, opts, line, err)) return false;
            columns = f.size();
            return true;
        }
        if (!detail::check_width(f, columns, line, err)) return false;
        const std::string_view name_en =
            at[3] == std::string_view::npos ? std::string_view() : std::string_view(f[at[3]]);
        return b.add(f[at[0]], f[at[1]], f[at[2]], name_en, line, err);
    };
    if (!detail::read_csv(csv, source, opts, err, on_record))
        return tl::make_unexpected(std::move(err));
    if (columns == 0)
        return tl::make_unexpected(load_error{load_error_kind::missing_header, source, 1, {}});
    return b.finish();
}

/// As load_master, from a file.
inline tl::expected<directory, load_error>
load_master_file(const directory& base, const std::string& path, const load_options& opts = {}) {
    std::string text;
    load_error err;
    if (!detail::read_file(path, text, err)) return tl::make_unexpected(std::move(err));
    return load_master(base, text, path, opts);
}

} // namespace mamisguide
