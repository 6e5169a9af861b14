// mamisguide — loading municipal associations from a CSV master.
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

namespace mamisguide {

/// Adds the municipal associations of a CSV master held in memory to `base`, returning a new
/// directory (`base` is unchanged). `source` names the data in error messages.
inline tl::expected<directory, load_error> load_master(const directory& base, std::string_view csv,
                                                       std::string source = "<buffer>") {
    auto data = std::make_shared<detail::directory_data>(*base.data());
    std::size_t columns = 0;
    std::unordered_map<std::string, std::size_t> seen; // code → line, for duplicates in the file
    load_error err;
    auto fail = [&](load_error_kind k, std::size_t line, std::string detail) {
        err.kind = k;
        err.line = line;
        err.detail = std::move(detail);
        return false;
    };
    auto on_record = [&](std::vector<std::string>& f, std::size_t line) {
        if (columns == 0) {
            const bool ok3 = f.size() == 3, ok4 = f.size() == 4;
            if (!(ok3 || ok4) || f[0] != "code" || f[1] != "name" || f[2] != "prefecture" ||
                (ok4 && f[3] != "name_en"))
                return fail(load_error_kind::bad_header, line,
                            "expected code,name,prefecture[,name_en]");
            columns = f.size();
            return true;
        }
        if (f.size() != columns)
            return fail(load_error_kind::column_count, line,
                        std::to_string(f.size()) + " != " + std::to_string(columns));
        const std::string& code = f[0];
        const std::string& name = f[1];
        const std::string& pref = f[2];
        if (code.empty()) return fail(load_error_kind::empty_field, line, "code");
        if (name.empty()) return fail(load_error_kind::empty_field, line, "name");
        if (pref.empty()) return fail(load_error_kind::empty_field, line, "prefecture");
        if (!detail::clean_code(code)) return fail(load_error_kind::invalid_field, line, "code");
        if (!detail::clean_field(name, max_name_bytes))
            return fail(load_error_kind::invalid_field, line, "name");
        if (columns == 4 && !detail::clean_field(f[3], max_name_bytes))
            return fail(load_error_kind::invalid_field, line, "name_en");
        // Checked like a code before it is looked up: error messages quote it.
        if (!detail::clean_code(pref))
            return fail(load_error_kind::invalid_field, line, "prefecture");
        const auto parent = data->find(pref);
        if (!parent) return fail(load_error_kind::unknown_prefecture, line, pref);
        if (data->graph[*parent].lvl != level::prefectural)
            return fail(load_error_kind::wrong_level, line, pref);
        if (data->find(code))
            return fail(load_error_kind::duplicate_code, line, code + " (loaded before)");
        if (auto [it, fresh] = seen.emplace(code, line); !fresh)
            return fail(load_error_kind::duplicate_code, line,
                        code + " (line " + std::to_string(it->second) + ")");
        const association_id v = boost::add_vertex(
            association{level::municipal, code, name, columns == 4 ? f[3] : std::string()},
            data->graph);
        boost::add_edge(v, *parent, data->graph);
        return true;
    };
    if (!detail::read_csv(csv, source, err, on_record)) return tl::make_unexpected(std::move(err));
    if (columns == 0)
        return tl::make_unexpected(load_error{load_error_kind::missing_header, source, 1, {}});
    data->reindex();
    return directory(std::move(data));
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
