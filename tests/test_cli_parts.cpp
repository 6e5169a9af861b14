// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Parts of the command line (src/) tested alone (issue 31). The desk footer (answers.cpp,
// render_desk_now) at fixed instants: the CLI prints it as of the clock, so its tests only see
// the desk as it is when they run. Here: open, closed on a holiday (named), closed on a weekend
// and after hours (each with the next opening and its weekday), and outside the years holidays
// are known for (no status line). The display width of text (common.cpp) that tables pad, and
// the numbers of a plan's steps (render.cpp). The HTTP service's metrics (http/metrics.cpp) given
// a status it does not list.
#define BOOST_TEST_MODULE cli_parts
#include <boost/test/unit_test.hpp>

#include "answers.hpp"
#include "cli.hpp"
#include "http/metrics.hpp"
#include "render.hpp"

#include <mamisguide/support.hpp>
#include <mamisguide/texts/answers.hpp>
#include <mamisguide/texts/desk.hpp>

#include <string>

namespace mg = mamisguide;

namespace {

std::string desk_at(std::int64_t now, mg::lang l) {
    std::string out;
    mg_cli::render_desk_now(out, l, now);
    return out;
}

/// The footer's last line, the desk now ("Now: ..."; the hours above it say "closed" too).
std::string now_line(const std::string& footer) {
    const auto end = footer.find_last_not_of('\n');
    const auto start = footer.rfind('\n', end);
    return footer.substr(start == std::string::npos ? 0 : start + 1, end - start);
}

bool has(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

// Japanese time, as Unix seconds.
constexpr std::int64_t holiday_noon = 1795402800; // 2026-11-23T12:00+09:00, Monday, 勤労感謝の日
constexpr std::int64_t saturday_noon = 1796439600; // 2026-12-05T12:00+09:00
constexpr std::int64_t tuesday_10 = 1796086800;    // 2026-12-01T10:00+09:00, the opening
constexpr std::int64_t tuesday_20 = 1796122800;    // 2026-12-01T20:00+09:00, after closing
constexpr std::int64_t year_2100 = 4115458800;     // 2100-06-01T00:00+09:00

} // namespace

BOOST_AUTO_TEST_CASE(open_at_the_opening) {
    for (const mg::lang l : {mg::lang::ja, mg::lang::en}) {
        const std::string s = now_line(desk_at(tuesday_10, l));
        BOOST_TEST(has(s, mg::texts::desk_footer_now.get(l)), s);
        BOOST_TEST(has(s, mg::texts::desk_open.get(l)));
        BOOST_TEST(!has(s, mg::texts::desk_closed.get(l)));
        BOOST_TEST(!has(s, mg::texts::desk_next_open.get(l)));
    }
}

BOOST_AUTO_TEST_CASE(closed_on_a_holiday_names_it_and_the_next_opening) {
    const std::string en = now_line(desk_at(holiday_noon, mg::lang::en));
    BOOST_TEST(has(en, "closed"), en);
    BOOST_TEST(has(en, "Labor Thanksgiving Day"), en);
    BOOST_TEST(has(en, "2026-11-24T10:00:00+09:00"), en);
    BOOST_TEST(has(en, "Tuesday"), en);
    const std::string ja = now_line(desk_at(holiday_noon, mg::lang::ja));
    BOOST_TEST(has(ja, "受付していません"), ja);
    BOOST_TEST(has(ja, "勤労感謝の日"), ja);
    BOOST_TEST(has(ja, "2026-11-24T10:00:00+09:00"), ja);
    BOOST_TEST(has(ja, "火曜日"), ja);
}

BOOST_AUTO_TEST_CASE(closed_on_a_weekend_and_after_hours) {
    const std::string sat = now_line(desk_at(saturday_noon, mg::lang::en));
    BOOST_TEST(has(sat, "closed"), sat);
    BOOST_TEST(has(sat, mg::label(mg::support_reason::weekend).get(mg::lang::en)), sat);
    BOOST_TEST(has(sat, "2026-12-07T10:00:00+09:00"), sat);
    BOOST_TEST(has(sat, "Monday"), sat);
    BOOST_TEST(!has(sat, mg::label(mg::support_reason::holiday).get(mg::lang::en)), sat);
    const std::string night = now_line(desk_at(tuesday_20, mg::lang::en));
    BOOST_TEST(has(night, mg::label(mg::support_reason::after_hours).get(mg::lang::en)), night);
    BOOST_TEST(has(night, "2026-12-02T10:00:00+09:00"), night);
    BOOST_TEST(has(night, "Wednesday"), night);
}

BOOST_AUTO_TEST_CASE(no_status_outside_the_known_years) {
    const std::string s = desk_at(year_2100, mg::lang::en);
    BOOST_TEST(has(s, mg::texts::desk_phone), s);
    BOOST_TEST(!has(s, mg::texts::desk_footer_now.get(mg::lang::en)), s);
}

BOOST_AUTO_TEST_CASE(display_width_counts_wide_characters_twice) {
    BOOST_TEST(mg_cli::display_width("") == 0u);
    BOOST_TEST(mg_cli::display_width("abc") == 3u);
    BOOST_TEST(mg_cli::display_width("caf\u00e9") == 4u);        // é: two bytes, narrow
    BOOST_TEST(mg_cli::display_width("\u65e5\u672c") == 4u);     // 日本: three bytes each, wide
    BOOST_TEST(mg_cli::display_width("\U00020BB7\u91ce") == 4u); // 𠮷野: four bytes, wide
    BOOST_TEST(mg_cli::display_width("\uff71") == 1u);           // half-width katakana
    BOOST_TEST(mg_cli::display_width("\uff21") == 2u);           // full-width Ａ
    BOOST_TEST(mg_cli::display_width("a\x80\x80"
                                     "b") == 2u);        // stray continuation bytes
    BOOST_TEST(mg_cli::display_width("\xe6\x97") == 1u); // cut short: one character
    std::string line = "|";
    mg_cli::append_padded(line, "\u65e5\u672c", 6);
    line += "|";
    mg_cli::append_padded(line, "caf\u00e9", 6);
    line += "|";
    BOOST_TEST(line == "|\u65e5\u672c  |caf\u00e9  |");
}

BOOST_AUTO_TEST_CASE(steps_are_circled_up_to_twenty) {
    BOOST_TEST(mg_cli::circled(1) == "\u2460");  // ①
    BOOST_TEST(mg_cli::circled(2) == "\u2461");  // ②
    BOOST_TEST(mg_cli::circled(20) == "\u2473"); // ⑳
    BOOST_TEST(mg_cli::circled(21) == "(21)");   // no circled number past twenty
    BOOST_TEST(mg_cli::circled(0) == "(0)");
}

BOOST_AUTO_TEST_CASE(metrics_count_an_unlisted_status_as_other) {
    mg_http::metrics m;
    m.request(mg_http::endpoint::healthz, 200, 10);
    m.request(mg_http::endpoint::healthz, 418, 10);
    m.request(mg_http::endpoint::healthz, 299, 20);
    m.request(mg_http::endpoint::plan, 404, 10);
    std::string out;
    m.write(out, 0, 0, 0.0, 0, 0);
    BOOST_TEST(has(out, "mamisguide_http_requests_total{endpoint=\"/healthz\",status=\"200\"} 1\n"),
               out);
    BOOST_TEST(
        has(out, "mamisguide_http_requests_total{endpoint=\"/healthz\",status=\"other\"} 2\n"),
        out);
    BOOST_TEST(has(out, "mamisguide_http_requests_total{endpoint=\"/v1/plan\",status=\"404\"} 1\n"),
               out);
    BOOST_TEST(!has(out, "418"), out);
    BOOST_TEST(!has(out, "status=\"299\""), out);
}
