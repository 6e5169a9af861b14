// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — member categories (会員区分): JMA's built-in catalogue, per-association
// catalogues loaded from CSV, and the JMA category that follows from a doctor's role.
#pragma once

#include "detail/csv.hpp"
#include "directory.hpp"

#include <tl/expected.hpp>

#include <array>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace mamisguide {

/// One of JMA's categories (日本医師会 会員区分), built in.
struct jma_category {
    const char* code;
    bitext label;
    bitext who;
};

inline constexpr std::array<jma_category, 5> jma_categories{{
    {"A1",
     {"A①会員", "Class A1 member"},
     {"病院・診療所の開設者、管理者及びそれに準ずる会員",
      "founders (開設者) or managers (管理者) of a hospital or clinic, and those treated alike"}},
    {"A2B",
     {"A②会員(B)", "Class A2(B) member"},
     {"A①会員及びA②会員(C)以外の会員", "everyone who is neither A1 nor A2(C)"}},
    {"A2C",
     {"A②会員(C)", "Class A2(C) member"},
     {"医師法に基づく研修医",
      "residents in clinical training under the Medical Practitioners Act"}},
    {"B",
     {"B会員", "Class B member"},
     {"A②会員(B)のうち日医医師賠償責任保険に加入しない会員",
      "A2(B) members who opt out of JMA's medical liability insurance"}},
    {"C",
     {"C会員", "Class C member"},
     {"A②会員(C)のうち日医医師賠償責任保険に加入しない会員",
      "A2(C) members who opt out of JMA's medical liability insurance"}},
}};

/// JMA's category with this code, or nullptr.
constexpr const jma_category* find_jma_category(std::string_view code) noexcept {
    for (const auto& c : jma_categories)
        if (detail::same_code(code, c.code)) return &c;
    return nullptr;
}

/// A doctor's role, for the JMA category recommender.
enum class doctor_role : unsigned char {
    founder_manager, ///< 開設者・管理者 of a hospital or clinic (and those treated alike)
    resident,        ///< 研修医 under the Medical Practitioners Act
    other,           ///< everyone else
};

/// The wire name: "founder_manager", "resident", "other".
constexpr std::string_view to_string(doctor_role r) noexcept {
    switch (r) {
    case doctor_role::founder_manager:
        return "founder_manager";
    case doctor_role::resident:
        return "resident";
    case doctor_role::other:
        return "other";
    }
    return "other";
}

/// The one JMA category that follows from a role and the insurance choice: A1, A2C, A2B, or C
/// and B when opting out. A founder/manager cannot opt out: nullptr (the `no_category`
/// refusal).
constexpr const jma_category* recommend_jma_category(doctor_role role, bool opt_out) noexcept {
    switch (role) {
    case doctor_role::founder_manager:
        return opt_out ? nullptr : &jma_categories[0];
    case doctor_role::resident:
        return &jma_categories[opt_out ? 4 : 2];
    case doctor_role::other:
        return &jma_categories[opt_out ? 3 : 1];
    }
    return nullptr;
}

/// How a category code stands against an association's catalogue.
enum class category_check : unsigned char { known, unknown, unchecked };

/// A category's label, in Japanese and English (loaded catalogues carry one label, used for
/// both). Empty when unchecked.
struct category_label {
    std::string_view ja, en;
    std::string_view code; ///< the code as the catalogue writes it
};

/// Checks `code` for association `v`: against JMA's catalogue for the national association,
/// a loaded catalogue where there is one, otherwise `unchecked` (any non-empty code passes).
inline category_check check_category(const directory& dir, association_id v, std::string_view code,
                                     category_label* label = nullptr) noexcept {
    if (dir[v].lvl == level::national) {
        const jma_category* c = find_jma_category(code);
        if (c && label) *label = {c->label.ja, c->label.en, c->code};
        return c ? category_check::known : category_check::unknown;
    }
    if (const catalogue* cat = dir.catalogue_of(v)) {
        const category* c = cat->find(code);
        if (c && label) *label = {c->label, c->label, c->code};
        return c ? category_check::known : category_check::unknown;
    }
    return category_check::unchecked;
}

/// Adds per-association catalogues from CSV in memory to the directory, returning a new one.
/// The header names the columns association, code and label, in any order, in English or
/// Japanese (texts/loader.hpp); other columns are ignored with a notice. UTF-8 or CP932, values
/// trimmed, codes folded (full-width letters and digits to ASCII). All or nothing, like the
/// master loader.
inline tl::expected<directory, load_error> load_categories(const directory& base,
                                                           std::string_view csv,
                                                           std::string source = "<buffer>",
                                                           const load_options& opts = {}) {
    static constexpr detail::column_spec specs[] = {
        detail::column(texts::column_catalogue_association, true),
        detail::column(texts::column_catalogue_code, true),
        detail::column(texts::column_catalogue_label, true)};
    auto data = std::make_shared<detail::directory_data>(*base.data());
    std::map<association_id, std::pair<std::shared_ptr<catalogue>, std::size_t>> fresh;
    std::map<std::pair<association_id, std::string>, std::size_t> seen;
    std::size_t at[3] = {};
    std::size_t columns = 0;
    load_error err;
    auto fail = [&](load_error_kind k, std::size_t line, std::string detail) {
        err.kind = k;
        err.line = line;
        err.detail = std::move(detail);
        return false;
    };
    auto on_record = [&](std::vector<std::string>& f, std::size_t line) {
        if (columns == 0) {
            if (!detail::map_header(f, specs, at, source, opts, line, err)) return false;
            columns = f.size();
            return true;
        }
        if (!detail::check_width(f, columns, line, err)) return false;
        const std::string assoc = detail::fold_code(f[at[0]]), code = detail::fold_code(f[at[1]]);
        const std::string_view label = detail::trim_value(f[at[2]]);
        if (assoc.empty()) return fail(load_error_kind::empty_field, line, "association");
        if (code.empty()) return fail(load_error_kind::empty_field, line, "code");
        if (label.empty()) return fail(load_error_kind::empty_field, line, "label");
        // Checked like a code before it is looked up: error messages quote it.
        if (!detail::clean_code(assoc))
            return fail(load_error_kind::invalid_field, line, "association");
        if (!detail::clean_code(code)) return fail(load_error_kind::invalid_field, line, "code");
        if (!detail::clean_field(label, max_name_bytes))
            return fail(load_error_kind::invalid_field, line, "label");
        const auto v = data->find(assoc);
        if (!v) return fail(load_error_kind::unknown_association, line, assoc);
        if (data->graph[*v].lvl == level::national)
            return fail(load_error_kind::builtin_catalogue, line, assoc);
        if (data->catalogues[*v]) return fail(load_error_kind::catalogue_exists, line, assoc);
        if (auto [it, ok] = seen.emplace(std::make_pair(*v, code), line); !ok)
            return fail(load_error_kind::duplicate_code, line,
                        assoc + " " + code + " (line " + std::to_string(it->second) + ")");
        auto& slot = fresh[*v];
        if (!slot.first) slot = {std::make_shared<catalogue>(), line};
        slot.first->entries.push_back(category{code, std::string(label)});
        return true;
    };
    if (!detail::read_csv(csv, source, opts, err, on_record))
        return tl::make_unexpected(std::move(err));
    if (columns == 0)
        return tl::make_unexpected(load_error{load_error_kind::missing_header, source, 1, {}});
    for (auto& [v, slot] : fresh) data->catalogues[v] = std::move(slot.first);
    return directory(std::move(data));
}

/// As load_categories, from a file.
inline tl::expected<directory, load_error> load_categories_file(const directory& base,
                                                                const std::string& path,
                                                                const load_options& opts = {}) {
    std::string text;
    load_error err;
    if (!detail::read_file(path, text, err)) return tl::make_unexpected(std::move(err));
    return load_categories(base, text, path, opts);
}

} // namespace mamisguide
