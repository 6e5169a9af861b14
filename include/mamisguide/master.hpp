// mamisguide — loading municipal associations from a CSV master (or from rows, for masters in
// another format: the C ABI and the command line read JSON masters that way).
//
// Header row `code,name,prefecture` or `code,name,prefecture,name_en`, then one association
// per row; `prefecture` is the prefectural code 01…47. A load is all or nothing: the first
// problem refuses the whole file, naming the file, the line and the reason.
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
    std::string prefecture; ///< the prefectural code, 01…47
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
    bool add(const std::string& code, const std::string& name, const std::string& pref,
             const std::string& name_en, std::size_t line, load_error& err) {
        auto fail = [&](load_error_kind k, std::string detail) {
            err.kind = k;
            err.line = line;
            err.detail = std::move(detail);
            return false;
        };
        if (code.empty()) return fail(load_error_kind::empty_field, "code");
        if (name.empty()) return fail(load_error_kind::empty_field, "name");
        if (pref.empty()) return fail(load_error_kind::empty_field, "prefecture");
        if (!clean_code(code)) return fail(load_error_kind::invalid_field, "code");
        if (!clean_field(name, max_name_bytes)) return fail(load_error_kind::invalid_field, "name");
        if (!clean_field(name_en, max_name_bytes))
            return fail(load_error_kind::invalid_field, "name_en");
        // Checked like a code before it is looked up: error messages quote it.
        if (!clean_code(pref)) return fail(load_error_kind::invalid_field, "prefecture");
        const auto parent = data_->find(pref);
        if (!parent) return fail(load_error_kind::unknown_prefecture, pref);
        if (data_->graph[*parent].lvl != level::prefectural)
            return fail(load_error_kind::wrong_level, pref);
        if (data_->find(code))
            return fail(load_error_kind::duplicate_code, code + " (loaded before)");
        if (auto [it, fresh] = seen_.emplace(code, line); !fresh)
            return fail(load_error_kind::duplicate_code,
                        code + " (line " + std::to_string(it->second) + ")");
        const association_id v =
            boost::add_vertex(association{level::municipal, code, name, name_en}, data_->graph);
        boost::add_edge(v, *parent, data_->graph);
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
/// directory (`base` is unchanged). `source` names the data in error messages.
inline tl::expected<directory, load_error> load_master(const directory& base, std::string_view csv,
                                                       std::string source = "<buffer>") {
    detail::master_builder b(base);
    std::size_t columns = 0;
    static const std::string no_name_en;
    load_error err;
    auto on_record = [&](std::vector<std::string>& f, std::size_t line) {
        auto fail = [&](load_error_kind k, std::string detail) {
            err.kind = k;
            err.line = line;
            err.detail = std::move(detail);
            return false;
        };
        if (columns == 0) {
            const bool ok3 = f.size() == 3, ok4 = f.size() == 4;
            if (!(ok3 || ok4) || f[0] != "code" || f[1] != "name" || f[2] != "prefecture" ||
                (ok4 && f[3] != "name_en"))
                return fail(load_error_kind::bad_header, "expected code,name,prefecture[,name_en]");
            columns = f.size();
            return true;
        }
        if (f.size() != columns)
            return fail(load_error_kind::column_count,
                        std::to_string(f.size()) + " != " + std::to_string(columns));
        return b.add(f[0], f[1], f[2], columns == 4 ? f[3] : no_name_en, line, err);
    };
    if (!detail::read_csv(csv, source, err, on_record)) return tl::make_unexpected(std::move(err));
    if (columns == 0)
        return tl::make_unexpected(load_error{load_error_kind::missing_header, source, 1, {}});
    return b.finish();
}

/// As load_master, from a file.
inline tl::expected<directory, load_error> load_master_file(const directory& base,
                                                            const std::string& path) {
    std::string text;
    load_error err;
    if (!detail::read_file(path, text, err)) return tl::make_unexpected(std::move(err));
    return load_master(base, text, path);
}

} // namespace mamisguide
