// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the directory: the typed graph of medical associations (rules.md §1).
//
// Vertices are associations with bundled properties (level, code, Japanese and English name);
// an edge goes from an association to the one exactly one level above it, and there are no
// others. The national association and the 47 prefectural ones are built in; municipal
// associations come from a master (master.hpp). A directory is immutable: loading returns a
// new one, and copies share the same data, so it is cheap to pass around and safe to read from
// many threads.
#pragma once

#include "detail/codes.hpp"
#include "detail/fixed_vector.hpp"
#include "levels.hpp"

#include <boost/graph/adjacency_list.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mamisguide {

/// One medical association: the bundled vertex property of the graph.
struct association {
    level lvl = level::municipal;
    std::string code;    ///< "00" (JMA), "01"…"47" (prefectures), the master's codes (municipal)
    std::string name;    ///< Japanese name, e.g. 東京都医師会
    std::string name_en; ///< English name; may be empty for municipal associations

    /// The name in a language; English falls back to Japanese when there is none.
    std::string_view name_in(lang l) const noexcept {
        return l == lang::en && !name_en.empty() ? std::string_view(name_en)
                                                 : std::string_view(name);
    }
};

/// The hierarchy as a Boost.Graph: bidirectional so that a prefecture can list its municipal
/// associations through its in-edges.
using association_graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, association>;
using association_id = association_graph::vertex_descriptor;

/// One category of a catalogue (会員区分).
struct category {
    std::string code;
    std::string label;
};

/// The categories an association accepts. JMA's is built in (categories.hpp); others load
/// from CSV. Small (a handful of entries), so a linear search is the fastest lookup.
struct catalogue {
    std::vector<category> entries;
    const category* find(std::string_view code) const noexcept {
        for (const auto& c : entries)
            if (detail::same_code(c.code, code)) return &c;
        return nullptr;
    }
};

namespace detail {

/// The built-in prefectures, in JIS X 0401 order (index 0 is 01 北海道).
struct prefecture_row {
    const char* code;
    const char* name;
    const char* name_en;
};
inline constexpr std::array<prefecture_row, 47> prefectures{{
    {"01", "北海道医師会", "Hokkaido Medical Association"},
    {"02", "青森県医師会", "Aomori Medical Association"},
    {"03", "岩手県医師会", "Iwate Medical Association"},
    {"04", "宮城県医師会", "Miyagi Medical Association"},
    {"05", "秋田県医師会", "Akita Medical Association"},
    {"06", "山形県医師会", "Yamagata Medical Association"},
    {"07", "福島県医師会", "Fukushima Medical Association"},
    {"08", "茨城県医師会", "Ibaraki Medical Association"},
    {"09", "栃木県医師会", "Tochigi Medical Association"},
    {"10", "群馬県医師会", "Gunma Medical Association"},
    {"11", "埼玉県医師会", "Saitama Medical Association"},
    {"12", "千葉県医師会", "Chiba Medical Association"},
    {"13", "東京都医師会", "Tokyo Medical Association"},
    {"14", "神奈川県医師会", "Kanagawa Medical Association"},
    {"15", "新潟県医師会", "Niigata Medical Association"},
    {"16", "富山県医師会", "Toyama Medical Association"},
    {"17", "石川県医師会", "Ishikawa Medical Association"},
    {"18", "福井県医師会", "Fukui Medical Association"},
    {"19", "山梨県医師会", "Yamanashi Medical Association"},
    {"20", "長野県医師会", "Nagano Medical Association"},
    {"21", "岐阜県医師会", "Gifu Medical Association"},
    {"22", "静岡県医師会", "Shizuoka Medical Association"},
    {"23", "愛知県医師会", "Aichi Medical Association"},
    {"24", "三重県医師会", "Mie Medical Association"},
    {"25", "滋賀県医師会", "Shiga Medical Association"},
    {"26", "京都府医師会", "Kyoto Medical Association"},
    {"27", "大阪府医師会", "Osaka Medical Association"},
    {"28", "兵庫県医師会", "Hyogo Medical Association"},
    {"29", "奈良県医師会", "Nara Medical Association"},
    {"30", "和歌山県医師会", "Wakayama Medical Association"},
    {"31", "鳥取県医師会", "Tottori Medical Association"},
    {"32", "島根県医師会", "Shimane Medical Association"},
    {"33", "岡山県医師会", "Okayama Medical Association"},
    {"34", "広島県医師会", "Hiroshima Medical Association"},
    {"35", "山口県医師会", "Yamaguchi Medical Association"},
    {"36", "徳島県医師会", "Tokushima Medical Association"},
    {"37", "香川県医師会", "Kagawa Medical Association"},
    {"38", "愛媛県医師会", "Ehime Medical Association"},
    {"39", "高知県医師会", "Kochi Medical Association"},
    {"40", "福岡県医師会", "Fukuoka Medical Association"},
    {"41", "佐賀県医師会", "Saga Medical Association"},
    {"42", "長崎県医師会", "Nagasaki Medical Association"},
    {"43", "熊本県医師会", "Kumamoto Medical Association"},
    {"44", "大分県医師会", "Oita Medical Association"},
    {"45", "宮崎県医師会", "Miyazaki Medical Association"},
    {"46", "鹿児島県医師会", "Kagoshima Medical Association"},
    {"47", "沖縄県医師会", "Okinawa Medical Association"},
}};

inline constexpr const char* national_code = "00";

/// One text of every association, end to end in one block, in directory order: association
/// v's is text[at[v], at[v + 1]). Scanning one block for a part of a text costs one search of
/// it, not one per association.
struct text_run {
    std::string text;
    std::vector<std::uint32_t> at{0};

    void clear() {
        text.clear();
        at.assign(1, 0);
    }
    void add(std::string_view s) {
        text += s;
        at.push_back(static_cast<std::uint32_t>(text.size()));
    }
    /// The first association from `v` on whose text contains `needle` (not empty), or the
    /// number of associations when none does. Allocates nothing.
    std::size_t next(std::string_view needle, std::size_t v) const noexcept {
        const std::size_t n = at.size() - 1;
        if (v >= n) return n;
        const std::string_view all(text);
        for (std::size_t pos = at[v];;) {
            const std::size_t p = all.find(needle, pos);
            if (p == std::string_view::npos) return n;
            const auto w = static_cast<std::size_t>(std::upper_bound(at.begin(), at.end(), p) -
                                                    at.begin() - 1);
            if (p + needle.size() <= at[w + 1]) return w;
            pos = at[w + 1]; // the match runs into the next text: none starts later in w
        }
    }
    std::string_view operator[](std::size_t v) const noexcept {
        return std::string_view(text).substr(at[v], at[v + 1] - at[v]);
    }
};

/// Everything a directory holds. Built once, then only read.
struct directory_data {
    association_graph graph;
    /// Open-addressing hash index, code → vertex + 1 (0 = empty slot) in the low 32 bits, the
    /// code's hash's high 32 bits above them (a probe compares codes only when those agree);
    /// size a power of two.
    std::vector<std::uint64_t> index;
    /// Per prefecture (index 0…46), its municipal associations in load order.
    std::array<std::vector<association_id>, 47> municipal_by_prefecture;
    /// Per vertex, the loaded category catalogue (none for most); JMA's is built in.
    std::vector<std::shared_ptr<const catalogue>> catalogues;
    /// True when no association's code or names hold a control character, a double quote or a
    /// backslash, so that a writer of JSON may copy them as they are (set by reindex()).
    bool plain_strings = true;
    /// The texts searched for a part of a code or name (search(), association_candidates()),
    /// built once by reindex(): the codes, the Japanese names, and the English names in ASCII
    /// lower case, so that a search ignoring case compares bytes.
    text_run codes, names, names_en_lower;
    /// Per vertex, its code's bag (bag_of): a bound on its edit distance to a typed text.
    std::vector<code_bag> code_bags;

    std::optional<association_id> find(std::string_view code) const noexcept {
        if (index.empty()) return std::nullopt;
        const std::size_t mask = index.size() - 1;
        const std::uint64_t h = hash_code(code);
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const std::uint64_t e = index[i];
            if (e == 0) return std::nullopt;
            const auto slot = static_cast<std::uint32_t>(e);
            // Codes that same_code() calls the same hash the same: another hash is another code.
            if ((e >> 32) == (h >> 32) && same_code(graph[slot - 1].code, code))
                return association_id(slot - 1);
        }
    }

    /// Rebuilds the index and the per-prefecture lists from the graph.
    void reindex() {
        const std::size_t n = boost::num_vertices(graph);
        std::size_t cap = 64;
        while (cap < n * 2) cap *= 2;
        index.assign(cap, 0);
        for (auto& v : municipal_by_prefecture) v.clear();
        plain_strings = true;
        codes.clear();
        names.clear();
        names_en_lower.clear();
        code_bags.assign(n, code_bag{});
        std::string lower;
        for (association_id v = 0; v < n; ++v) {
            const association& a = graph[v];
            plain_strings =
                plain_strings && json_plain(a.code) && json_plain(a.name) && json_plain(a.name_en);
            codes.add(a.code);
            code_bags[v] = bag_of(a.code);
            names.add(a.name);
            lower.assign(a.name_en);
            for (char& c : lower) c = ascii_lower(c);
            names_en_lower.add(lower);
            const std::uint64_t h = hash_code(graph[v].code);
            std::size_t i = h & (cap - 1);
            while (index[i] != 0) i = (i + 1) & (cap - 1);
            index[i] = (h >> 32 << 32) | static_cast<std::uint32_t>(v + 1);
        }
        for (association_id v = 1 + 47; v < n; ++v) {
            auto [e, end] = boost::out_edges(v, graph);
            if (e != end) municipal_by_prefecture[boost::target(*e, graph) - 1].push_back(v);
        }
        catalogues.resize(n);
    }

    /// Calls f(v) for every association v, in directory order, whose Japanese name contains
    /// `text` or whose English name contains `lower` (`text` in ASCII lower case), and with
    /// `with_codes` whose code contains `text`; stops when f returns false. `text` must not be
    /// empty. Allocates nothing.
    template <class F>
    void each_text_match(std::string_view text, std::string_view lower, bool with_codes,
                         F&& f) const {
        const std::size_t n = names.at.size() - 1;
        std::size_t c = with_codes ? codes.next(text, 0) : n;
        std::size_t j = names.next(text, 0);
        std::size_t e = names_en_lower.next(lower, 0);
        for (;;) {
            const std::size_t v = std::min({c, j, e});
            if (v >= n || !f(association_id(v))) return;
            if (c == v) c = codes.next(text, v + 1);
            if (j == v) j = names.next(text, v + 1);
            if (e == v) e = names_en_lower.next(lower, v + 1);
        }
    }

    static std::shared_ptr<const directory_data> builtin() {
        auto d = std::make_shared<directory_data>();
        const association_id jma = boost::add_vertex(
            association{level::national, national_code, "日本医師会", "Japan Medical Association"},
            d->graph);
        for (const auto& p : prefectures) {
            const association_id v = boost::add_vertex(
                association{level::prefectural, p.code, p.name, p.name_en}, d->graph);
            boost::add_edge(v, jma, d->graph);
        }
        d->reindex();
        return d;
    }
};

} // namespace detail

/// The prefecture (1…47) that `s` names, as people write it: its JIS code with or without the
/// leading zero ("13", "1", "01"), in full-width digits ("１３"), or its name ("東京都", or
/// "東京" without 都/府/県; "北海道" as is). Surrounding spaces are ignored. Anything else,
/// "00" and "48" included: nullopt.
inline std::optional<unsigned> parse_prefecture(std::string_view s) noexcept {
    s = detail::trim_value(s);
    if (s.empty()) return std::nullopt;
    unsigned n = 0;
    std::size_t digits = 0;
    bool numeric = true;
    for (std::size_t i = 0; i < s.size() && numeric;) {
        char c = 0;
        i += detail::fold_at(s, i, c);
        numeric = c >= '0' && c <= '9' && ++digits <= 2;
        n = n * 10 + static_cast<unsigned>(c - '0');
    }
    if (numeric) return n >= 1 && n <= 47 ? std::optional<unsigned>(n) : std::nullopt;
    constexpr std::string_view association_suffix = "医師会";
    constexpr std::string_view suffixes[] = {"都", "府", "県"};
    for (unsigned i = 0; i < detail::prefectures.size(); ++i) {
        std::string_view name = detail::prefectures[i].name; // 東京都医師会
        name.remove_suffix(association_suffix.size());       // 東京都
        if (s == name) return i + 1;
        for (std::string_view suffix : suffixes)
            if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix &&
                s == name.substr(0, name.size() - suffix.size()))
                return i + 1;
    }
    return std::nullopt;
}

/// The associations known to the library, and their category catalogues. Immutable and cheap
/// to copy (copies share one block of data); safe to read from any number of threads.
// Coverage: the branches gcc puts on the next line are its implicit copy, move and destructor
// (the shared_ptr's reference count), not the class's own decisions (docs/hardening.md).
class directory { // GCOVR_EXCL_BR_LINE
public:
    /// The built-in directory: JMA and the 47 prefectural associations, no municipal ones.
    static directory builtin() {
        static const std::shared_ptr<const detail::directory_data> data =
            detail::directory_data::builtin(); // GCOVR_EXCL_BR_LINE: static's guard
        return directory(data);
    }

    /// Wraps prepared data (used by the loaders; not needed by users).
    explicit directory(std::shared_ptr<const detail::directory_data> d) noexcept
        : d_(std::move(d)) {}

    const association_graph& graph() const noexcept { return d_->graph; }
    std::size_t size() const noexcept { return boost::num_vertices(d_->graph); }
    const association& operator[](association_id v) const noexcept { return d_->graph[v]; }

    /// The association with this code, in O(1) on average. The code may be typed with
    /// surrounding spaces and full-width letters and digits (１３－ｃｈｉｙｏｄａ).
    std::optional<association_id> find(std::string_view code) const noexcept {
        return d_->find(code);
    }
    /// JMA, the root of the graph.
    static constexpr association_id national() noexcept { return 0; }
    /// The prefectural association with JIS code `n` (1…47).
    static constexpr association_id prefecture(unsigned n) noexcept { return n; }

    /// The association one level up; none for JMA.
    std::optional<association_id> parent(association_id v) const noexcept {
        auto [e, end] = boost::out_edges(v, d_->graph);
        if (e == end) return std::nullopt;
        return boost::target(*e, d_->graph);
    }
    /// The chain from `v` to the top: [m, parent(m), national] for a municipal association.
    fixed_vector<association_id, 3> chain(association_id v) const noexcept {
        fixed_vector<association_id, 3> out;
        out.push_back(v);
        for (auto p = parent(v); p; p = parent(*p)) out.push_back(*p);
        return out;
    }
    /// The municipal associations of a prefectural association, in load order.
    const std::vector<association_id>& municipal_of(association_id prefecture) const noexcept {
        static const std::vector<association_id> none; // GCOVR_EXCL_BR_LINE: static's guard
        if (prefecture < 1 || prefecture > 47) return none;
        return d_->municipal_by_prefecture[prefecture - 1];
    }
    /// The catalogue loaded for an association, or nullptr. (JMA's is `jma_catalogue()` in
    /// categories.hpp; it is not stored here.)
    const catalogue* catalogue_of(association_id v) const noexcept {
        return v < d_->catalogues.size() ? d_->catalogues[v].get() : nullptr;
    }

    /// The shared data (for loaders that derive a new directory from this one).
    const std::shared_ptr<const detail::directory_data>& data() const noexcept { return d_; }

    /// True when the municipal associations are the bundled sample master, whose codes are
    /// made up. The door that chose the sample (no master named) sets it; the JSON writer then
    /// adds a `sample_directory` note to every plan. Loaders do not carry it over.
    bool is_sample() const noexcept { return sample_; }
    void set_sample(bool sample) noexcept { sample_ = sample; }

    /// True when no association's code or names hold a control character, a double quote or a
    /// backslash: a JSON writer may then copy them without escaping.
    bool plain_strings() const noexcept { return d_->plain_strings; }

private:
    std::shared_ptr<const detail::directory_data> d_;
    bool sample_ = false;
};

/// What to look for in a directory. Every field given must match; an empty query matches all.
struct directory_query {
    std::string code;         ///< exactly this code (folded as people type it)
    std::string text;         ///< part of the code, the Japanese or the English name
                              ///< (English in any case)
    unsigned prefecture = 0;  ///< 1…47: that prefecture's association and its municipal
                              ///< ones; 0: any
    std::optional<level> lvl; ///< only this level
};

/// The associations that match a query, in directory order (JMA, the 47 prefectures in JIS
/// order, then the master's rows in load order).
inline std::vector<association_id> search(const directory& dir, const directory_query& q) {
    const auto fold = [](std::string_view s) { return detail::fold_code(s); };
    const std::string code = fold(q.code);
    const std::string text = fold(q.text);
    const bool any_prefecture = q.prefecture == 0;
    const bool valid_prefecture = q.prefecture >= 1 && q.prefecture <= 47;
    const association_id pref = directory::prefecture(q.prefecture);
    std::vector<association_id> hits;
    // Every filter but the text's, for an association whose texts are already known to match.
    const auto keep = [&](association_id v) {
        const association& a = dir[v];
        if (!q.code.empty() && a.code != code) return true;
        if (q.lvl && a.lvl != *q.lvl) return true;
        if (!any_prefecture) {
            if (!valid_prefecture) return true;
            const auto up = dir.parent(v);
            if (v != pref && !(up && *up == pref)) return true;
        }
        hits.push_back(v);
        return true;
    };
    if (text.empty()) {
        for (association_id v = 0; v < dir.size(); ++v) keep(v);
        return hits;
    }
    // Part of the code, the Japanese name or the English name in any case: the directory's
    // texts, folded once at load, searched one block at a time.
    std::string lower = text;
    for (char& c : lower) c = detail::ascii_lower(c);
    dir.data()->each_text_match(text, lower, true, keep);
    return hits;
}

} // namespace mamisguide
