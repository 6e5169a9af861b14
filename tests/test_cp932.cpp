// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Issue 32: the library's CP932 decoder (detail/cp932.hpp) is glibc's iconv CP932, byte for
// byte. Every single byte and every sequence of two bytes (all 65,536), alone and followed by
// ASCII, are decoded both ways: the same UTF-8, the same refusals at the same byte offset, and
// the same kind of refusal (a character cut off by the end — iconv's EINVAL — or not CP932,
// EILSEQ). glibc only (built where glibc is the C library); longer inputs are compared by the
// master loader's fuzz target (tests/fuzz/fuzz_master.cpp).
#define BOOST_TEST_MODULE test_cp932
#include <boost/test/unit_test.hpp>

#include <mamisguide/detail/cp932.hpp>

#include "iconv_cp932.hpp"

#include <cerrno>
#include <cstdio>
#include <string>
#include <string_view>

namespace {

std::string hex(std::string_view s) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string h;
    for (unsigned char c : s) {
        if (!h.empty()) h += ' ';
        h += digits[c >> 4];
        h += digits[c & 15];
    }
    return h;
}

/// Tallies of one run of comparisons, printed for the record.
struct tally {
    std::size_t inputs = 0, converted = 0, refused = 0, cut_off = 0, differences = 0;
};

/// Decodes `in` with the library and with glibc; counts and reports any difference.
void compare(std::string_view in, tally& t) {
    const mgtest::iconv_result want = mgtest::iconv_cp932(in);
    std::string got = "prefix:"; // appended to, as the loaders' storage may be
    const mamisguide::detail::conversion c = mamisguide::detail::cp932_to_utf8(in, got);
    ++t.inputs;
    if (want.bad == std::string_view::npos)
        ++t.converted;
    else if (want.error == EINVAL)
        ++t.cut_off;
    else
        ++t.refused;
    const bool same = got.substr(7) == want.out && c.bad == want.bad &&
                      c.cut_off == (want.error == EINVAL) &&
                      (want.error == 0 || want.error == EINVAL || want.error == EILSEQ) &&
                      got.compare(0, 7, "prefix:") == 0;
    if (!same) {
        ++t.differences;
        if (t.differences <= 20)
            BOOST_ERROR("input " << hex(in) << ": library " << hex(got.substr(7)) << " bad "
                                 << static_cast<long long>(c.bad) << " cut_off " << c.cut_off
                                 << "; glibc " << hex(want.out) << " bad "
                                 << static_cast<long long>(want.bad) << " errno " << want.error);
    }
}

void report(const char* what, const tally& t) {
    std::printf("%s: %zu inputs (%zu converted, %zu refused as not CP932, %zu cut off by the end): "
                "%zu differences from glibc\n",
                what, t.inputs, t.converted, t.refused, t.cut_off, t.differences);
    BOOST_TEST(t.differences == 0u);
}

} // namespace

BOOST_AUTO_TEST_CASE(every_single_byte_is_glibcs) {
    for (const std::string_view after : {"", "A", "\n", "@", "\\~", "a,b\r\n"}) {
        tally t;
        for (unsigned b = 0; b < 256; ++b) {
            std::string in(1, static_cast<char>(b));
            in += after;
            compare(in, t);
        }
        BOOST_TEST(t.inputs == 256u);
        report(("one byte, then \"" + hex(after) + "\"").c_str(), t);
    }
}

BOOST_AUTO_TEST_CASE(every_two_byte_sequence_is_glibcs) {
    // "" leaves a refused lead byte's trail at the end; '@' (0x40) and '~' (0x7E) are trail
    // bytes themselves; a newline never is.
    for (const std::string_view after : {"", "A", "\n", "@", "\\~", "a,b\r\n"}) {
        tally t;
        for (unsigned a = 0; a < 256; ++a)
            for (unsigned b = 0; b < 256; ++b) {
                std::string in{static_cast<char>(a), static_cast<char>(b)};
                in += after;
                compare(in, t);
            }
        BOOST_TEST(t.inputs == 65536u);
        report(("two bytes, then \"" + hex(after) + "\"").c_str(), t);
    }
}

BOOST_AUTO_TEST_CASE(windows_characters_are_windows) {
    // What the issue names: CP932's own mappings (not Shift_JIS's U+301C and U+2212), the NEC
    // row 13 and the IBM extensions Windows writes, and the user-defined area as glibc has it.
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"\x81\x60", "\uFF5E"}, {"\x81\x7C", "\uFF0D"},       {"\x87\x40", "\u2460"},
        {"\xFA\xB1", "\uFA11"}, {"\xFB\xFC", "\u9AD9"},       {"\xED\x40", "\u7E8A"},
        {"\x5C\x7E", "\\~"},    {"\xA1\xDF", "\uFF61\uFF9F"}, {"\xF0\x40", "\uE000"},
        {"\xF9\xFC", "\uE757"},
    };
    for (const auto& [in, want] : cases) {
        std::string got;
        const auto c = mamisguide::detail::cp932_to_utf8(in, got);
        BOOST_TEST(c.ok(), hex(in));
        BOOST_TEST(got == want, hex(in));
    }
    // Refused, and where: the first byte of a refused pair; a lead byte cut off by the end.
    struct refusal {
        std::string_view in;
        std::size_t at;
        bool cut_off;
        std::string_view before; // the UTF-8 written before the refusal
    };
    const refusal refused[] = {
        {"a\x80", 1, false, "a"},
        {"ab\xA0", 2, false, "ab"},
        {"\xFD", 0, false, ""},
        {"\xFF", 0, false, ""},
        {"x\x81\x7F", 1, false, "x"},
        {"\x85\x40", 0, false, ""},
        {"\xFC\x4C", 0, false, ""},
        {"\x81\x0A", 0, false, ""},
        {"abc\x81", 3, true, "abc"},
        {"\x81\x40\xEA", 2, true, "\u3000"},
        {"\x82\xA0\xEF", 2, true, "\u3042"},
        {"\x85", 0, true, ""},
    };
    for (const refusal& r : refused) {
        std::string got;
        const auto c = mamisguide::detail::cp932_to_utf8(r.in, got);
        BOOST_TEST(c.bad == r.at, hex(r.in));
        BOOST_TEST(c.cut_off == r.cut_off, hex(r.in));
        BOOST_TEST(got == r.before, hex(r.in));
    }
}
