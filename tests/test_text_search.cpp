// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Issue 28: the directory's texts are folded once, at load, into one block per kind (codes,
// Japanese names, English names in lower case), and search() and association_candidates()
// search those blocks. Their answers must be exactly those of the scan they replace, which is
// kept here as the reference: the same associations in the same order, for every kind of text
// a person types (codes, mistyped codes, parts of names in any case, full width, circled
// numbers, text that runs from one association's name into the next one's, broken UTF-8).
#define BOOST_TEST_MODULE test_text_search
#include <boost/test/unit_test.hpp>

#include <mamisguide/mamisguide.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using namespace mamisguide;

namespace {

// ---- the reference: the scans as they were before the folded texts ---------------------------

std::vector<association_id> reference_search(const directory& dir, const directory_query& q) {
    const std::string code = detail::fold_code(q.code);
    const std::string text = detail::fold_code(q.text);
    const bool any_prefecture = q.prefecture == 0;
    const bool valid_prefecture = q.prefecture >= 1 && q.prefecture <= 47;
    const association_id pref = directory::prefecture(q.prefecture);
    std::vector<association_id> hits;
    for (association_id v = 0; v < dir.size(); ++v) {
        const association& a = dir[v];
        if (!q.code.empty() && a.code != code) continue;
        if (q.lvl && a.lvl != *q.lvl) continue;
        if (!any_prefecture) {
            if (!valid_prefecture) continue;
            const auto up = dir.parent(v);
            if (v != pref && !(up && *up == pref)) continue;
        }
        if (!text.empty() && a.code.find(text) == std::string::npos &&
            a.name.find(text) == std::string::npos &&
            !detail::contains_ignoring_case(a.name_en, text))
            continue;
        hits.push_back(v);
    }
    return hits;
}

std::vector<association_id> reference_candidates(const directory& dir, std::string_view text,
                                                 std::size_t max) {
    const std::string folded = fold_answer(text);
    std::vector<association_id> out;
    if (folded.empty() || max == 0) return out;
    const std::size_t limit = std::max<std::size_t>(1, folded.size() / 3);
    bool letters = false;
    for (char c : folded) letters |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    std::vector<std::pair<std::size_t, association_id>> scored;
    for (association_id v = 0; v < dir.size(); ++v) {
        const association& a = dir[v];
        if (a.name.find(folded) != std::string::npos ||
            (!a.name_en.empty() && (letters ? detail::contains_ignoring_case(a.name_en, folded)
                                            : a.name_en.find(folded) != std::string::npos))) {
            scored.emplace_back(0, v);
            continue;
        }
        const std::size_t d = detail::edit_distance(folded, a.code, limit);
        if (d <= limit) scored.emplace_back(d, v);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    for (std::size_t i = 0; i < scored.size() && out.size() < max; ++i)
        out.push_back(scored[i].second);
    return out;
}

// ---- the directories and the texts --------------------------------------------------------------

struct rng {
    std::uint64_t s;
    std::uint64_t next() {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return s >> 33;
    }
    std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(next() % n) : 0; }
};

/// The sample master, and a generated one whose names mix ASCII into Japanese ("JR"), whose
/// English names mix case or are missing, and whose codes differ in case only.
std::vector<directory> directories() {
    std::vector<directory> out;
    const auto sample = load_master_file(directory::builtin(), MG_SAMPLE_MASTER);
    BOOST_TEST_REQUIRE(sample.has_value());
    out.push_back(*sample);
    std::vector<master_row> rows;
    rng r{28};
    const char* stems[] = {"東京", "大阪", "JR", "港", "ab", "Ab", "第1", "中央", "北"};
    const char* en[] = {"Tokyo", "OSAKA", "jr", "Port", "", "Central", "North", "ab"};
    for (std::size_t i = 0; i < 300; ++i) {
        master_row m;
        const unsigned pref = static_cast<unsigned>(r.below(47) + 1);
        m.code = (pref < 10 ? "0" : "") + std::to_string(pref) + "-" + (i % 7 == 0 ? "AB" : "ab") +
                 std::to_string(i % 50) + "x" + std::to_string(i);
        m.name = std::string(stems[r.below(9)]) + stems[r.below(9)] + "医師会" + std::to_string(i);
        m.prefecture = std::to_string(pref);
        if (r.below(4) != 0) m.name_en = std::string(en[r.below(8)]) + " " + en[r.below(8)];
        m.line = i + 1;
        rows.push_back(m);
    }
    const auto generated = load_master_rows(directory::builtin(), rows);
    BOOST_TEST_REQUIRE(generated.has_value());
    out.push_back(*generated);
    return out;
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

/// Full-width ASCII for every printable character of `s` (what a Japanese input method types).
std::string full_width(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c > ' ' && c < 0x7F) {
            const char32_t cp = static_cast<char32_t>(c - 0x21 + 0xFF01);
            detail::put_char(out, cp);
        } else {
            out.push_back(c);
        }
    }
    return out;
}

/// Texts built from every association of `dir`: its code, the code mistyped (a byte dropped,
/// changed, added, in upper case, full width), parts of its names (byte windows, some cut in
/// the middle of a character), its English name in other cases, and a text running from its
/// name into the next association's; then fixed odd ones.
std::vector<std::string> texts_for(const directory& dir) {
    std::vector<std::string> out = {"",
                                    " ",
                                    "\u3000",
                                    "①",
                                    "⑳",
                                    "\xff\xfe",
                                    "医師会",
                                    "Medical",
                                    "MEDICAL",
                                    "99-9999",
                                    "zz",
                                    "a",
                                    "1",
                                    "-",
                                    "ー",
                                    "\t13\t",
                                    "１３",
                                    std::string(300, 'a'),
                                    std::string(100, '1') + "医師会"};
    rng r{dir.size()};
    for (association_id v = 0; v < dir.size(); ++v) {
        const association& a = dir[v];
        const std::string& c = a.code;
        out.push_back(c);
        out.push_back(upper(c));
        out.push_back(full_width(c));
        if (c.size() > 1) {
            std::string s = c;
            s.erase(r.below(s.size()), 1);
            out.push_back(s);
            s = c;
            s[r.below(s.size())] = static_cast<char>('0' + r.below(10));
            out.push_back(s);
            out.push_back(c + "9");
            out.push_back(c.substr(0, c.size() / 2));
        }
        for (const std::string* name : {&a.name, &a.name_en}) {
            if (name->empty()) continue;
            const std::size_t from = r.below(name->size());
            out.push_back(name->substr(from, 1 + r.below(name->size() - from)));
            out.push_back(upper(*name));
            out.push_back(name->substr(0, 3 * (1 + r.below(3))));
        }
        if (v + 1 < dir.size()) { // the end of this name and the start of the next
            const std::string& next = dir[v + 1].name;
            out.push_back(a.name.substr(a.name.size() > 3 ? a.name.size() - 3 : 0) +
                          next.substr(0, 3));
            const std::string& next_en = dir[v + 1].name_en;
            if (!a.name_en.empty() && !next_en.empty())
                out.push_back(a.name_en.substr(a.name_en.size() - 2) + next_en.substr(0, 2));
            out.push_back(c.substr(c.size() > 2 ? c.size() - 2 : 0) + dir[v + 1].code.substr(0, 2));
        }
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(candidates_are_those_of_the_scan) {
    std::size_t compared = 0, nonempty = 0;
    for (const directory& dir : directories())
        for (const std::string& t : texts_for(dir)) {
            // The scan's answer for a smaller max is the start of its answer for a larger one (a
            // stable sort, then the first max): scanned once per text, for the largest.
            const std::vector<association_id> ranked = reference_candidates(dir, t, 8);
            for (std::size_t max : {std::size_t(5), std::size_t(1), std::size_t(8)}) {
                const auto got = association_candidates(dir, t, max);
                const std::vector<association_id> mine(got.begin(), got.end());
                const std::vector<association_id> want(
                    ranked.begin(), ranked.begin() + std::min(max, ranked.size()));
                BOOST_TEST(mine == want, "text \"" << t << "\" max " << max);
                ++compared;
                nonempty += !want.empty();
            }
        }
    BOOST_TEST(compared > 5000u);
    BOOST_TEST(nonempty > compared / 2);
}

BOOST_AUTO_TEST_CASE(search_is_that_of_the_scan) {
    std::size_t compared = 0, hits = 0;
    for (const directory& dir : directories()) {
        const std::vector<std::string> texts = texts_for(dir);
        for (std::size_t i = 0; i < texts.size(); ++i) {
            directory_query q;
            q.text = texts[i];
            if (i % 5 == 1) q.prefecture = 13;
            if (i % 7 == 2) q.prefecture = 48;
            if (i % 3 == 0) q.lvl = level::municipal;
            if (i % 11 == 4) q.code = texts[i];
            const std::vector<association_id> want = reference_search(dir, q);
            BOOST_TEST(search(dir, q) == want, "text \"" << q.text << "\"");
            ++compared;
            hits += want.size();
        }
    }
    BOOST_TEST(compared > 1000u);
    BOOST_TEST(hits > compared);
}

// UTF-8 decoding one character at a time: every length of character, and invalid bytes (a lone
// continuation, a lead byte cut short at the end or followed by no continuation) as themselves.
BOOST_AUTO_TEST_CASE(next_char_decodes_or_takes_the_byte) {
    const std::pair<std::string, std::vector<std::uint32_t>> cases[] = {
        {"A", {U'A'}},
        {"\xC3\xA9", {U'\u00E9'}},
        {"\xE3\x81\x82", {U'\u3042'}},
        {"\xF0\x9F\x98\x80", {U'\U0001F600'}},
        {"\x80", {0x80}},
        {"\xC3", {0xC3}},
        {"\xE3\x81", {0xE3, 0x81}},
        {"\xF0\x9F\x98", {0xF0, 0x9F, 0x98}},
        {"\xC3"
         "A",
         {0xC3, U'A'}},
        {"\xE3\x81"
         "A",
         {0xE3, 0x81, U'A'}},
        {"\xF0\x9F\x98"
         "A",
         {0xF0, 0x9F, 0x98, U'A'}},
        {"A\xE3\x81\x82"
         "B",
         {U'A', U'\u3042', U'B'}},
    };
    for (const auto& [text, want] : cases) BOOST_TEST_CONTEXT("case " << &text - &cases[0].first) {
            std::vector<std::uint32_t> got;
            for (std::size_t i = 0; i < text.size();) got.push_back(detail::next_char(text, i));
            BOOST_TEST(got == want, boost::test_tools::per_element());
        }
}
