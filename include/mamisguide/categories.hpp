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
        if (code == c.code) return &c;
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
};

/// Checks `code` for association `v`: against JMA's catalogue for the national association,
/// a loaded catalogue where there is one, otherwise `unchecked` (any non-empty code passes).
inline category_check check_category(const directory& dir, association_id v, std::string_view code,
                                     category_label* label = nullptr) noexcept {
    if (dir[v].lvl == level::national) {
        const jma_category* c = find_jma_category(code);
        if (c && label) *label = {c->label.ja, c->label.en};
        return c ? category_check::known : category_check::unknown;
    }
    if (const catalogue* cat = dir.catalogue_of(v)) {
        const category* c = cat->find(code);
        if (c && label) *label = {c->label, c->label};
        return c ? category_check::known : category_check::unknown;
    }
    return category_check::unchecked;
}

/// Adds per-association catalogues from CSV in memory (header `association,code,label`) to the
/// directory, returning a new one. All or nothing, like the master loader.
inline tl::expected<directory, load_error>
load_categories(const directory& base, std::string_view csv, std::string source = "<buffer>") {
    auto data = std::make_shared<detail::directory_data>(*base.data());
    std::map<association_id, std::pair<std::shared_ptr<catalogue>, std::size_t>> fresh;
    std::map<std::pair<association_id, std::string>, std::size_t> seen;
    bool header = false;
    load_error err;
    auto fail = [&](load_error_kind k, std::size_t line, std::string detail) {
        err.kind = k;
        err.line = line;
        err.detail = std::move(detail);
        return false;
    };
    auto on_record = [&](std::vector<std::string>& f, std::size_t line) {
        if (!header) {
            if (f.size() != 3 || f[0] != "association" || f[1] != "code" || f[2] != "label")
                return fail(load_error_kind::bad_header, line, "expected association,code,label");
            return header = true;
        }
        if (f.size() != 3)
            return fail(load_error_kind::column_count, line, std::to_string(f.size()) + " != 3");
        if (f[0].empty()) return fail(load_error_kind::empty_field, line, "association");
        if (f[1].empty()) return fail(load_error_kind::empty_field, line, "code");
        if (f[2].empty()) return fail(load_error_kind::empty_field, line, "label");
        // Checked like a code before it is looked up: error messages quote it.
        if (!detail::clean_code(f[0]))
            return fail(load_error_kind::invalid_field, line, "association");
        if (!detail::clean_code(f[1])) return fail(load_error_kind::invalid_field, line, "code");
        if (!detail::clean_field(f[2], max_name_bytes))
            return fail(load_error_kind::invalid_field, line, "label");
        const auto v = data->find(f[0]);
        if (!v) return fail(load_error_kind::unknown_association, line, f[0]);
        if (data->graph[*v].lvl == level::national)
            return fail(load_error_kind::builtin_catalogue, line, f[0]);
        if (data->catalogues[*v]) return fail(load_error_kind::catalogue_exists, line, f[0]);
        if (auto [it, ok] = seen.emplace(std::make_pair(*v, f[1]), line); !ok)
            return fail(load_error_kind::duplicate_code, line,
                        f[0] + " " + f[1] + " (line " + std::to_string(it->second) + ")");
        auto& slot = fresh[*v];
        if (!slot.first) slot = {std::make_shared<catalogue>(), line};
        slot.first->entries.push_back(category{f[1], f[2]});
        return true;
    };
    if (!detail::read_csv(csv, source, err, on_record)) return tl::make_unexpected(std::move(err));
    if (!header)
        return tl::make_unexpected(load_error{load_error_kind::missing_header, source, 1, {}});
    for (auto& [v, slot] : fresh) data->catalogues[v] = std::move(slot.first);
    return directory(std::move(data));
}

/// As load_categories, from a file.
inline tl::expected<directory, load_error> load_categories_file(const directory& base,
                                                                const std::string& path) {
    std::string text;
    load_error err;
    if (!detail::read_file(path, text, err)) return tl::make_unexpected(std::move(err));
    return load_categories(base, text, path);
}

} // namespace mamisguide
