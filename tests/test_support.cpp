// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Tests for holidays.hpp (Japan's national holidays) and support.hpp (the MAMIS support desk).
#define BOOST_TEST_MODULE support
#include <boost/test/unit_test.hpp>

#include <mamisguide/holidays.hpp>
#include <mamisguide/support.hpp>

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>

using namespace mamisguide;

namespace {

/// One line of the Cabinet Office's table: month, day and the Japanese name.
struct fact {
    int month;
    int day;
    const char* name;
};

/// The computed holidays of `year` are exactly `facts`, in order.
void check_year(int year, std::initializer_list<fact> facts) {
    BOOST_TEST_CONTEXT("year " << year) {
        const auto list = holidays_in(year);
        BOOST_TEST_REQUIRE(list.has_value());
        BOOST_TEST(list->size() == facts.size());
        std::size_t i = 0;
        for (const fact& f : facts) {
            if (i >= list->size()) break;
            const holiday& h = (*list)[i++];
            BOOST_TEST_CONTEXT(f.month << "/" << f.day << " " << f.name) {
                BOOST_TEST(h.date.year == year);
                BOOST_TEST(h.date.month == f.month);
                BOOST_TEST(h.date.day == f.day);
                BOOST_TEST(std::string(h.name().ja) == std::string(f.name));
            }
        }
    }
}

/// The Japanese name of the holiday on a date, "" for an ordinary day, "error" when refused.
std::string name_on(int y, int m, int d) {
    const auto h = holiday_on(civil_date{y, m, d});
    if (!h) return "error";
    return h->has_value() ? (*h)->name().ja : "";
}

std::int64_t at(std::string_view text) {
    const auto t = parse_instant(text);
    BOOST_TEST_REQUIRE(t.has_value(), "cannot parse " << text);
    return *t;
}

std::string jst(std::int64_t t) {
    return std::string(format_jst(t).view());
}

desk_status status(const desk& d, std::string_view text) {
    const auto s = support_status(d, at(text));
    BOOST_TEST_REQUIRE(s.has_value(), "support_status refused " << text);
    return *s;
}

desk_status status(std::string_view text) {
    return status(default_desk(), text);
}

} // namespace

// --- civil dates ------------------------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(civil)

BOOST_AUTO_TEST_CASE(days_round_trip) {
    BOOST_TEST(days_from_civil(civil_date{1970, 1, 1}) == 0);
    BOOST_TEST(days_from_civil(civil_date{2000, 3, 1}) == 11017);
    BOOST_TEST(days_from_civil(civil_date{1969, 12, 31}) == -1);
    for (std::int64_t d = -800000; d <= 800000; d += 97) {
        const civil_date c = civil_from_days(d);
        BOOST_TEST_REQUIRE(is_valid_date(c));
        BOOST_TEST_REQUIRE(days_from_civil(c) == d);
    }
}

BOOST_AUTO_TEST_CASE(weekdays) {
    BOOST_TEST((weekday_of(civil_date{1970, 1, 1}) == weekday::thursday));
    BOOST_TEST((weekday_of(civil_date{2027, 1, 4}) == weekday::monday));
    BOOST_TEST((weekday_of(civil_date{2000, 1, 1}) == weekday::saturday));
    BOOST_TEST((weekday_of(civil_date{1969, 12, 28}) == weekday::sunday));
    BOOST_TEST(std::string(label(weekday::friday).ja) == "金曜日");
}

BOOST_AUTO_TEST_CASE(validity) {
    BOOST_TEST(is_valid_date(civil_date{2024, 2, 29}));
    BOOST_TEST(!is_valid_date(civil_date{2023, 2, 29}));
    BOOST_TEST(!is_valid_date(civil_date{2100, 2, 29}));
    BOOST_TEST(is_valid_date(civil_date{2000, 2, 29}));
    BOOST_TEST(!is_valid_date(civil_date{2026, 2, 30}));
    BOOST_TEST(!is_valid_date(civil_date{2026, 13, 1}));
    BOOST_TEST(!is_valid_date(civil_date{2026, 0, 1}));
    BOOST_TEST(!is_valid_date(civil_date{2026, 4, 31}));
}

BOOST_AUTO_TEST_SUITE_END()

// --- holidays: the Cabinet Office tables, 2019–2027 -------------------------------------------

BOOST_AUTO_TEST_SUITE(holidays)

BOOST_AUTO_TEST_CASE(year_2019) {
    check_year(2019, {{1, 1, "元日"},
                      {1, 14, "成人の日"},
                      {2, 11, "建国記念の日"},
                      {3, 21, "春分の日"},
                      {4, 29, "昭和の日"},
                      {4, 30, "国民の休日"},
                      {5, 1, "即位の日"},
                      {5, 2, "国民の休日"},
                      {5, 3, "憲法記念日"},
                      {5, 4, "みどりの日"},
                      {5, 5, "こどもの日"},
                      {5, 6, "振替休日"},
                      {7, 15, "海の日"},
                      {8, 11, "山の日"},
                      {8, 12, "振替休日"},
                      {9, 16, "敬老の日"},
                      {9, 23, "秋分の日"},
                      {10, 14, "体育の日"},
                      {10, 22, "即位礼正殿の儀の行われる日"},
                      {11, 3, "文化の日"},
                      {11, 4, "振替休日"},
                      {11, 23, "勤労感謝の日"}});
}

BOOST_AUTO_TEST_CASE(year_2020) {
    check_year(2020, {{1, 1, "元日"},
                      {1, 13, "成人の日"},
                      {2, 11, "建国記念の日"},
                      {2, 23, "天皇誕生日"},
                      {2, 24, "振替休日"},
                      {3, 20, "春分の日"},
                      {4, 29, "昭和の日"},
                      {5, 3, "憲法記念日"},
                      {5, 4, "みどりの日"},
                      {5, 5, "こどもの日"},
                      {5, 6, "振替休日"},
                      {7, 23, "海の日"},
                      {7, 24, "スポーツの日"},
                      {8, 10, "山の日"},
                      {9, 21, "敬老の日"},
                      {9, 22, "秋分の日"},
                      {11, 3, "文化の日"},
                      {11, 23, "勤労感謝の日"}});
}

BOOST_AUTO_TEST_CASE(year_2021) {
    check_year(2021, {{1, 1, "元日"},
                      {1, 11, "成人の日"},
                      {2, 11, "建国記念の日"},
                      {2, 23, "天皇誕生日"},
                      {3, 20, "春分の日"},
                      {4, 29, "昭和の日"},
                      {5, 3, "憲法記念日"},
                      {5, 4, "みどりの日"},
                      {5, 5, "こどもの日"},
                      {7, 22, "海の日"},
                      {7, 23, "スポーツの日"},
                      {8, 8, "山の日"},
                      {8, 9, "振替休日"},
                      {9, 20, "敬老の日"},
                      {9, 23, "秋分の日"},
                      {11, 3, "文化の日"},
                      {11, 23, "勤労感謝の日"}});
}

BOOST_AUTO_TEST_CASE(year_2022) {
    check_year(2022, {{1, 1, "元日"},
                      {1, 10, "成人の日"},
                      {2, 11, "建国記念の日"},
                      {2, 23, "天皇誕生日"},
                      {3, 21, "春分の日"},
                      {4, 29, "昭和の日"},
                      {5, 3, "憲法記念日"},
                      {5, 4, "みどりの日"},
                      {5, 5, "こどもの日"},
                      {7, 18, "海の日"},
                      {8, 11, "山の日"},
                      {9, 19, "敬老の日"},
                      {9, 23, "秋分の日"},
                      {10, 10, "スポーツの日"},
                      {11, 3, "文化の日"},
                      {11, 23, "勤労感謝の日"}});
}

BOOST_AUTO_TEST_CASE(year_2023) {
    check_year(2023, {{1, 1, "元日"},
                      {1, 2, "振替休日"},
                      {1, 9, "成人の日"},
                      {2, 11, "建国記念の日"},
                      {2, 23, "天皇誕生日"},
                      {3, 21, "春分の日"},
                      {4, 29, "昭和の日"},
                      {5, 3, "憲法記念日"},
                      {5, 4, "みどりの日"},
                      {5, 5, "こどもの日"},
                      {7, 17, "海の日"},
                      {8, 11, "山の日"},
                      {9, 18, "敬老の日"},
                      {9, 23, "秋分の日"},
                      {10, 9, "スポーツの日"},
                      {11, 3, "文化の日"},
                      {11, 23, "勤労感謝の日"}});
}

BOOST_AUTO_TEST_CASE(year_2024) {
    check_year(2024, {{1, 1, "元日"},       {1, 8, "成人の日"},    {2, 11, "建国記念の日"},
                      {2, 12, "振替休日"},  {2, 23, "天皇誕生日"}, {3, 20, "春分の日"},
                      {4, 29, "昭和の日"},  {5, 3, "憲法記念日"},  {5, 4, "みどりの日"},
                      {5, 5, "こどもの日"}, {5, 6, "振替休日"},    {7, 15, "海の日"},
                      {8, 11, "山の日"},    {8, 12, "振替休日"},   {9, 16, "敬老の日"},
                      {9, 22, "秋分の日"},  {9, 23, "振替休日"},   {10, 14, "スポーツの日"},
                      {11, 3, "文化の日"},  {11, 4, "振替休日"},   {11, 23, "勤労感謝の日"}});
}

BOOST_AUTO_TEST_CASE(year_2025) {
    check_year(2025, {{1, 1, "元日"},
                      {1, 13, "成人の日"},
                      {2, 11, "建国記念の日"},
                      {2, 23, "天皇誕生日"},
                      {2, 24, "振替休日"},
                      {3, 20, "春分の日"},
                      {4, 29, "昭和の日"},
                      {5, 3, "憲法記念日"},
                      {5, 4, "みどりの日"},
                      {5, 5, "こどもの日"},
                      {5, 6, "振替休日"},
                      {7, 21, "海の日"},
                      {8, 11, "山の日"},
                      {9, 15, "敬老の日"},
                      {9, 23, "秋分の日"},
                      {10, 13, "スポーツの日"},
                      {11, 3, "文化の日"},
                      {11, 23, "勤労感謝の日"},
                      {11, 24, "振替休日"}});
}

BOOST_AUTO_TEST_CASE(year_2026) {
    check_year(2026, {{1, 1, "元日"},
                      {1, 12, "成人の日"},
                      {2, 11, "建国記念の日"},
                      {2, 23, "天皇誕生日"},
                      {3, 20, "春分の日"},
                      {4, 29, "昭和の日"},
                      {5, 3, "憲法記念日"},
                      {5, 4, "みどりの日"},
                      {5, 5, "こどもの日"},
                      {5, 6, "振替休日"},
                      {7, 20, "海の日"},
                      {8, 11, "山の日"},
                      {9, 21, "敬老の日"},
                      {9, 22, "国民の休日"},
                      {9, 23, "秋分の日"},
                      {10, 12, "スポーツの日"},
                      {11, 3, "文化の日"},
                      {11, 23, "勤労感謝の日"}});
}

BOOST_AUTO_TEST_CASE(year_2027) {
    check_year(2027, {{1, 1, "元日"},
                      {1, 11, "成人の日"},
                      {2, 11, "建国記念の日"},
                      {2, 23, "天皇誕生日"},
                      {3, 21, "春分の日"},
                      {3, 22, "振替休日"},
                      {4, 29, "昭和の日"},
                      {5, 3, "憲法記念日"},
                      {5, 4, "みどりの日"},
                      {5, 5, "こどもの日"},
                      {7, 19, "海の日"},
                      {8, 11, "山の日"},
                      {9, 20, "敬老の日"},
                      {9, 23, "秋分の日"},
                      {10, 11, "スポーツの日"},
                      {11, 3, "文化の日"},
                      {11, 23, "勤労感謝の日"}});
}

// --- holidays: other years ---------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(year_2000_and_2001_rules) {
    BOOST_TEST(name_on(2000, 1, 10) == "成人の日"); // Happy Monday from 2000 (was 1/15)
    BOOST_TEST(name_on(2000, 1, 15) == "");
    BOOST_TEST(name_on(2000, 10, 9) == "体育の日"); // Happy Monday from 2000 (was 10/10)
    BOOST_TEST(name_on(2000, 7, 20) == "海の日");   // fixed until 2002
    BOOST_TEST(name_on(2000, 9, 15) == "敬老の日"); // fixed until 2002
    BOOST_TEST(name_on(2000, 4, 29) == "みどりの日");
    BOOST_TEST(name_on(2000, 5, 4) == "国民の休日");
    BOOST_TEST(name_on(2000, 12, 23) == "天皇誕生日");
    BOOST_TEST(name_on(2000, 3, 20) == "春分の日");
    BOOST_TEST(name_on(2000, 9, 23) == "秋分の日");
    BOOST_TEST(name_on(2001, 4, 30) == "振替休日");
    BOOST_TEST(name_on(2001, 9, 24) == "振替休日");
    BOOST_TEST(name_on(2001, 12, 24) == "振替休日");
    BOOST_TEST(name_on(2001, 7, 20) == "海の日");
    BOOST_TEST(name_on(2002, 9, 16) == "振替休日");  // 敬老の日 9/15 was a Sunday
    BOOST_TEST(name_on(2002, 5, 4) == "国民の休日"); // a Saturday counts
    BOOST_TEST(name_on(2002, 5, 6) == "振替休日");
}

BOOST_AUTO_TEST_CASE(happy_monday_2003) {
    BOOST_TEST(name_on(2003, 7, 21) == "海の日");
    BOOST_TEST(name_on(2003, 7, 20) == "");
    BOOST_TEST(name_on(2003, 9, 15) == "敬老の日");
    BOOST_TEST(name_on(2004, 9, 20) == "敬老の日");
    BOOST_TEST(name_on(2004, 9, 15) == "");
}

BOOST_AUTO_TEST_CASE(may_4_before_2007) {
    BOOST_TEST(name_on(2006, 5, 4) == "国民の休日");
    BOOST_TEST(name_on(2003, 5, 4) == ""); // a Sunday: not a 国民の休日 before 2007
    BOOST_TEST(name_on(2004, 5, 4) == "国民の休日");
    BOOST_TEST(name_on(2007, 5, 4) == "みどりの日");
    BOOST_TEST(name_on(2007, 4, 29) == "昭和の日");
    BOOST_TEST(name_on(2007, 4, 30) == "振替休日");
}

BOOST_AUTO_TEST_CASE(substitute_later_than_monday) {
    // 2008: みどりの日 5/4 on Sunday, こどもの日 5/5 on Monday → 振替休日 on Tuesday 5/6.
    BOOST_TEST(name_on(2008, 5, 4) == "みどりの日");
    BOOST_TEST(name_on(2008, 5, 6) == "振替休日");
    // 2009, 2015: 憲法記念日 on Sunday → 振替休日 on Wednesday 5/6.
    BOOST_TEST(name_on(2009, 5, 6) == "振替休日");
    BOOST_TEST(name_on(2015, 5, 6) == "振替休日");
}

BOOST_AUTO_TEST_CASE(september_citizens_holidays) {
    BOOST_TEST(name_on(2009, 9, 21) == "敬老の日");
    BOOST_TEST(name_on(2009, 9, 22) == "国民の休日");
    BOOST_TEST(name_on(2009, 9, 23) == "秋分の日");
    BOOST_TEST(name_on(2015, 9, 22) == "国民の休日");
    BOOST_TEST(name_on(2032, 9, 21) == "国民の休日");
    BOOST_TEST(name_on(2037, 9, 22) == "国民の休日");
    BOOST_TEST(name_on(2014, 9, 22) == ""); // 敬老の日 9/15, 秋分の日 9/23
}

BOOST_AUTO_TEST_CASE(emperors_birthday_and_mountain_day) {
    BOOST_TEST(name_on(2018, 12, 23) == "天皇誕生日");
    BOOST_TEST(name_on(2018, 12, 24) == "振替休日");
    BOOST_TEST(name_on(2019, 12, 23) == "");
    BOOST_TEST(name_on(2019, 2, 23) == "");
    BOOST_TEST(name_on(2020, 12, 23) == "");
    BOOST_TEST(name_on(2015, 8, 11) == "");
    BOOST_TEST(name_on(2016, 8, 11) == "山の日");
    BOOST_TEST(name_on(2019, 10, 14) == "体育の日");
    BOOST_TEST(name_on(2022, 10, 10) == "スポーツの日");
}

BOOST_AUTO_TEST_CASE(no_october_holiday_in_2021) {
    const auto list = holidays_in(2021);
    BOOST_TEST_REQUIRE(list.has_value());
    for (const holiday& h : *list) BOOST_TEST(h.date.month != 10);
}

BOOST_AUTO_TEST_CASE(limits) {
    // 2000 starts the range; 2099 ends it (and has 2026's calendar).
    const auto y2000 = holidays_in(2000);
    BOOST_TEST_REQUIRE(y2000.has_value());
    BOOST_TEST(y2000->size() == 15u);
    BOOST_TEST(((*y2000)[0] == holiday{civil_date{2000, 1, 1}, holiday_kind::new_years_day}));

    check_year(2099, {{1, 1, "元日"},
                      {1, 12, "成人の日"},
                      {2, 11, "建国記念の日"},
                      {2, 23, "天皇誕生日"},
                      {3, 20, "春分の日"},
                      {4, 29, "昭和の日"},
                      {5, 3, "憲法記念日"},
                      {5, 4, "みどりの日"},
                      {5, 5, "こどもの日"},
                      {5, 6, "振替休日"},
                      {7, 20, "海の日"},
                      {8, 11, "山の日"},
                      {9, 21, "敬老の日"},
                      {9, 22, "国民の休日"},
                      {9, 23, "秋分の日"},
                      {10, 12, "スポーツの日"},
                      {11, 3, "文化の日"},
                      {11, 23, "勤労感謝の日"}});

    for (int y : {1999, 2100, 1980, 0, -1, 9999}) {
        const auto r = holidays_in(y);
        BOOST_TEST_REQUIRE(!r.has_value());
        BOOST_TEST((r.error() == holiday_errc::year_out_of_range));
    }
    BOOST_TEST(name_on(1999, 12, 31) == "error");
    BOOST_TEST(name_on(2100, 1, 1) == "error");
    BOOST_TEST(name_on(2099, 12, 31) == "");
    BOOST_TEST(name_on(2026, 2, 30) == "error");
    const auto bad = holiday_on(civil_date{2026, 2, 30});
    BOOST_TEST((bad.error() == holiday_errc::invalid_date));
    BOOST_TEST(std::string(label(holiday_errc::year_out_of_range).en).size() > 0u);
}

BOOST_AUTO_TEST_CASE(invariants_2000_2099) {
    std::size_t most = 0;
    for (int y = first_holiday_year; y <= last_holiday_year; ++y) {
        BOOST_TEST_CONTEXT("year " << y) {
            const auto list = holidays_in(y);
            BOOST_TEST_REQUIRE(list.has_value());
            if (list->size() > most) most = list->size();
            for (std::size_t i = 0; i < list->size(); ++i) {
                const holiday& h = (*list)[i];
                BOOST_TEST_REQUIRE(is_valid_date(h.date));
                if (i > 0) BOOST_TEST_REQUIRE(((*list)[i - 1].date < h.date));
                const weekday w = weekday_of(h.date);
                switch (h.kind) {
                case holiday_kind::coming_of_age_day:
                case holiday_kind::health_and_sports_day:
                    BOOST_TEST((w == weekday::monday));
                    break;
                case holiday_kind::substitute_holiday:
                case holiday_kind::citizens_holiday:
                    BOOST_TEST((w != weekday::sunday));
                    break;
                default:
                    break;
                }
                // Since 2007 every national holiday on a Sunday is followed by a substitute
                // on the first later day that is not a national holiday.
                if (y >= 2007 && is_national_holiday(h.kind) && w == weekday::sunday) {
                    std::size_t j = i + 1;
                    while (j < list->size() && is_national_holiday((*list)[j].kind)) ++j;
                    BOOST_TEST_REQUIRE(j < list->size());
                    BOOST_TEST(((*list)[j].kind == holiday_kind::substitute_holiday));
                    BOOST_TEST(days_from_civil((*list)[j].date) - days_from_civil(h.date) ==
                               static_cast<std::int64_t>(j - i));
                }
            }
            // The equinoxes of this century fall on March 19–21 and September 22–23.
            int equinoxes = 0;
            for (const holiday& h : *list) {
                if (h.kind == holiday_kind::vernal_equinox_day) {
                    ++equinoxes;
                    BOOST_TEST((h.date.month == 3 && h.date.day >= 19 && h.date.day <= 21));
                }
                if (h.kind == holiday_kind::autumnal_equinox_day) {
                    ++equinoxes;
                    BOOST_TEST((h.date.month == 9 && h.date.day >= 22 && h.date.day <= 23));
                }
            }
            BOOST_TEST(equinoxes == 2);
        }
    }
    BOOST_TEST(most == 22u); // 2019
    BOOST_TEST(most <= holiday_list::capacity());
}

BOOST_AUTO_TEST_CASE(compile_time) {
    static_assert((*holidays_in(2026)).size() == 18);
    static_assert(!holidays_in(2100).has_value());
    static_assert(days_from_civil(civil_date{2027, 1, 4}) == 20822);
    static_assert(weekday_of(civil_date{2027, 1, 4}) == weekday::monday);
    constexpr auto s = support_status(parse_instant("2026-12-30T11:00:00+09:00").value());
    static_assert(s.has_value() && (*s).reason == support_reason::year_end);
    static_assert(format_jst((*s).next_open).view() == "2027-01-04T10:00:00+09:00");
    BOOST_TEST(true);
}

BOOST_AUTO_TEST_CASE(english_names) {
    BOOST_TEST(std::string(label(holiday_kind::new_years_day).en) == "New Year's Day");
    BOOST_TEST(std::string(label(holiday_kind::substitute_holiday).en) == "Substitute Holiday");
    BOOST_TEST(std::string(label(holiday_kind::citizens_holiday).en) == "Citizens' Holiday");
    BOOST_TEST(std::string(label(holiday_kind::enthronement_day).en) == "Enthronement Day");
    BOOST_TEST(std::string(label(holiday_kind::enthronement_ceremony_day).en) ==
               "Enthronement Ceremony Day");
    for (int k = 0; k <= static_cast<int>(holiday_kind::citizens_holiday); ++k) {
        const bitext t = label(static_cast<holiday_kind>(k));
        BOOST_TEST(std::strlen(t.ja) > 0u);
        BOOST_TEST(std::strlen(t.get(lang::en)) > 0u);
    }
}

BOOST_AUTO_TEST_SUITE_END()

// --- parsing and formatting -------------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(instants)

BOOST_AUTO_TEST_CASE(parse_offsets) {
    const std::int64_t t = at("2026-12-30T11:00:00+09:00");
    BOOST_TEST(at("2026-12-30T02:00:00Z") == t);
    BOOST_TEST(at("2026-12-30t02:00:00z") == t);
    BOOST_TEST(at("2026-12-29T20:30:00-05:30") == t);
    BOOST_TEST(at("2026-12-30T02:00:00+00:00") == t);
    BOOST_TEST(at("2026-12-30T02:00:00-00:00") == t);
    BOOST_TEST(at("2026-12-30T11:00:00.999+09:00") == t); // fraction dropped
    BOOST_TEST(at("2026-12-30T02:00:00.123456789Z") == t);
    BOOST_TEST(at("1970-01-01T00:00:00Z") == 0);
    BOOST_TEST(at("1970-01-01T09:00:00+09:00") == 0);
    BOOST_TEST(at("1969-12-31T23:59:59Z") == -1);
    BOOST_TEST(at("2024-02-29T00:00:00Z") == 1709164800);
    static_assert(parse_instant("1970-01-02T00:00:00Z").value() == 86400);
}

BOOST_AUTO_TEST_CASE(parse_errors) {
    const std::pair<const char*, parse_errc> cases[] = {
        {"", parse_errc::malformed},
        {"2026-12-30", parse_errc::malformed},
        {"2026-12-30T11:00", parse_errc::malformed},
        {"2026-12-30 11:00:00+09:00", parse_errc::malformed},
        {" 2026-12-30T11:00:00+09:00", parse_errc::malformed},
        {"2026-12-30T11:00:00+09:00 ", parse_errc::malformed},
        {"2026-12-30T11:00:00Zjunk", parse_errc::malformed},
        {"2026-12-30T11:00:00+0900", parse_errc::malformed},
        {"2026-12-30T11:00:00+9:00", parse_errc::malformed},
        {"2026-12-30T11:00:00.+09:00", parse_errc::malformed},
        {"2026-12-30T11:00:00,5+09:00", parse_errc::malformed},
        {"2026/12/30T11:00:00+09:00", parse_errc::malformed},
        {"26-12-30T11:00:00+09:00", parse_errc::malformed},
        {"2026-1-30T11:00:00+09:00", parse_errc::malformed},
        {"+2026-12-30T11:00:00+09:00", parse_errc::malformed},
        {"2026-12-30T11:00:00", parse_errc::missing_offset},
        {"2026-12-30T11:00:00.5", parse_errc::missing_offset},
        {"2026-02-30T11:00:00+09:00", parse_errc::invalid_date},
        {"2023-02-29T11:00:00+09:00", parse_errc::invalid_date},
        {"2026-13-01T11:00:00+09:00", parse_errc::invalid_date},
        {"2026-00-10T11:00:00+09:00", parse_errc::invalid_date},
        {"2026-04-31T11:00:00+09:00", parse_errc::invalid_date},
        {"2026-04-00T11:00:00+09:00", parse_errc::invalid_date},
        {"2026-12-30T24:00:00+09:00", parse_errc::invalid_time},
        {"2026-12-30T11:60:00+09:00", parse_errc::invalid_time},
        {"2026-12-31T23:59:60Z", parse_errc::invalid_time},
        {"2026-12-30T11:00:00+24:00", parse_errc::invalid_offset},
        {"2026-12-30T11:00:00+09:60", parse_errc::invalid_offset},
    };
    for (const auto& [text, want] : cases) {
        BOOST_TEST_CONTEXT("input '" << text << "'") {
            const auto r = parse_instant(text);
            BOOST_TEST_REQUIRE(!r.has_value());
            BOOST_TEST((r.error() == want));
            BOOST_TEST(std::strlen(label(r.error()).ja) > 0u);
        }
    }
}

BOOST_AUTO_TEST_CASE(format) {
    BOOST_TEST(jst(0) == "1970-01-01T09:00:00+09:00");
    BOOST_TEST(jst(-1) == "1970-01-01T08:59:59+09:00");
    BOOST_TEST(jst(at("2026-12-30T02:00:00Z")) == "2026-12-30T11:00:00+09:00");
    BOOST_TEST(jst(at("2026-12-31T15:00:00Z")) == "2027-01-01T00:00:00+09:00");
    BOOST_TEST(jst(at("0000-01-01T09:00:00+09:00")) == "0000-01-01T09:00:00+09:00");
    BOOST_TEST(jst(at("9999-12-31T23:59:59+09:00")) == "9999-12-31T23:59:59+09:00");
    BOOST_TEST(jst(at("9999-12-31T23:59:59+09:00") + 1) == "+10000-01-01T00:00:00+09:00");
    BOOST_TEST(jst(at("0000-01-01T00:00:00+09:00") - 1) == "-0001-12-31T23:59:59+09:00");
    const jst_text t = format_jst(0);
    BOOST_TEST(t.size == 25u);
    BOOST_TEST(std::strlen(t.c_str()) == 25u);
    // Extremes neither overflow nor run past the buffer.
    const std::string hi = jst(std::numeric_limits<std::int64_t>::max());
    const std::string lo = jst(std::numeric_limits<std::int64_t>::min());
    BOOST_TEST(hi.front() == '+');
    BOOST_TEST(lo.front() == '-');
    BOOST_TEST(hi.size() < sizeof(t.data));
    BOOST_TEST(lo.size() < sizeof(t.data));
    static_assert(format_jst(0).view() == "1970-01-01T09:00:00+09:00");
}

BOOST_AUTO_TEST_CASE(round_trip) {
    for (std::int64_t s = at("2000-01-01T00:00:00+09:00"); s < at("2100-01-01T00:00:00+09:00");
         s += 86400 * 13 + 3607) {
        BOOST_TEST_REQUIRE(at(jst(s)) == s);
        const jst_time j = to_jst(s);
        BOOST_TEST_REQUIRE(from_jst(j.date, j.second_of_day) == s);
    }
    const jst_time j = to_jst(at("2026-12-30T02:03:04Z"));
    BOOST_TEST((j.date == civil_date{2026, 12, 30}));
    BOOST_TEST(j.hour() == 11);
    BOOST_TEST(j.minute() == 3);
    BOOST_TEST(j.second() == 4);
}

BOOST_AUTO_TEST_SUITE_END()

// --- the support desk ---------------------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(desk_status_tests)

BOOST_AUTO_TEST_CASE(default_desk_data) {
    const desk d = default_desk();
    BOOST_TEST(std::string(d.name.ja) == "医師会会員情報システム運営事務局");
    BOOST_TEST(std::string(d.email) == "inquiry@mamis.med.or.jp");
    BOOST_TEST(std::string(d.phone) == "0120-110-030");
    BOOST_TEST(d.opens_at == 10 * 3600);
    BOOST_TEST(d.closes_at == 18 * 3600);
    BOOST_TEST(std::string(label(support_reason::after_hours).ja) == "受付時間外");
    BOOST_TEST(std::string(label(support_reason::weekend).ja) == "土日");
    BOOST_TEST(std::string(label(support_reason::holiday).ja) == "祝日");
    BOOST_TEST(std::string(label(support_reason::year_end).ja) == "年末年始");
    BOOST_TEST(std::string(label(support_reason::after_hours).en) == "outside hours");
}

BOOST_AUTO_TEST_CASE(weekday_edges) {
    // Wednesday 2026-06-10.
    desk_status s = status("2026-06-10T09:59:59+09:00");
    BOOST_TEST(!s.open);
    BOOST_TEST((s.reason == support_reason::after_hours));
    BOOST_TEST(!s.label().has_value());
    BOOST_TEST(jst(s.next_open) == "2026-06-10T10:00:00+09:00");

    s = status("2026-06-10T10:00:00+09:00");
    BOOST_TEST(s.open);
    BOOST_TEST((s.reason == support_reason::open));
    BOOST_TEST(s.next_open == at("2026-06-10T10:00:00+09:00"));

    s = status("2026-06-10T17:59:59+09:00");
    BOOST_TEST(s.open);
    BOOST_TEST(s.next_open == at("2026-06-10T17:59:59+09:00"));

    s = status("2026-06-10T18:00:00+09:00");
    BOOST_TEST(!s.open);
    BOOST_TEST((s.reason == support_reason::after_hours));
    BOOST_TEST(jst(s.next_open) == "2026-06-11T10:00:00+09:00");

    s = status("2026-06-10T00:00:00+09:00");
    BOOST_TEST((s.reason == support_reason::after_hours));
    BOOST_TEST(jst(s.next_open) == "2026-06-10T10:00:00+09:00");

    s = status("2026-06-10T23:59:59.9+09:00");
    BOOST_TEST(jst(s.next_open) == "2026-06-11T10:00:00+09:00");
}

BOOST_AUTO_TEST_CASE(weekend) {
    desk_status s = status("2026-06-12T18:30:00+09:00"); // Friday evening
    BOOST_TEST((s.reason == support_reason::after_hours));
    BOOST_TEST(jst(s.next_open) == "2026-06-15T10:00:00+09:00");

    s = status("2026-06-13T12:00:00+09:00"); // Saturday
    BOOST_TEST(!s.open);
    BOOST_TEST((s.reason == support_reason::weekend));
    BOOST_TEST(!s.holiday.has_value());
    BOOST_TEST(jst(s.next_open) == "2026-06-15T10:00:00+09:00");

    s = status("2026-06-14T09:00:00+09:00"); // Sunday morning: weekend, not after_hours
    BOOST_TEST((s.reason == support_reason::weekend));
    BOOST_TEST(jst(s.next_open) == "2026-06-15T10:00:00+09:00");
}

BOOST_AUTO_TEST_CASE(monday_holiday) {
    desk_status s = status("2026-01-12T11:00:00+09:00"); // 成人の日
    BOOST_TEST(!s.open);
    BOOST_TEST((s.reason == support_reason::holiday));
    BOOST_TEST_REQUIRE(s.label().has_value());
    BOOST_TEST(std::string(s.label()->ja) == "成人の日");
    BOOST_TEST(std::string(s.label()->en) == "Coming of Age Day");
    BOOST_TEST(jst(s.next_open) == "2026-01-13T10:00:00+09:00");

    s = status("2026-01-09T18:00:00+09:00"); // the Friday before
    BOOST_TEST(jst(s.next_open) == "2026-01-13T10:00:00+09:00");

    s = status("2026-07-20T09:00:00+09:00"); // 海の日, before opening time
    BOOST_TEST((s.reason == support_reason::holiday));
    BOOST_TEST(std::string(s.label()->ja) == "海の日");
    BOOST_TEST(jst(s.next_open) == "2026-07-21T10:00:00+09:00");
}

BOOST_AUTO_TEST_CASE(substitute_and_citizens_holidays) {
    desk_status s = status("2026-05-06T12:00:00+09:00");
    BOOST_TEST((s.reason == support_reason::holiday));
    BOOST_TEST(std::string(s.label()->ja) == "振替休日");
    BOOST_TEST(jst(s.next_open) == "2026-05-07T10:00:00+09:00");

    s = status("2026-05-01T18:00:00+09:00"); // Friday before Golden Week's tail
    BOOST_TEST(jst(s.next_open) == "2026-05-07T10:00:00+09:00");

    s = status("2026-09-22T12:00:00+09:00");
    BOOST_TEST((s.reason == support_reason::holiday));
    BOOST_TEST(std::string(s.label()->ja) == "国民の休日");
    BOOST_TEST(std::string(s.label()->en) == "Citizens' Holiday");

    s = status("2026-09-18T20:00:00+09:00");
    BOOST_TEST(jst(s.next_open) == "2026-09-24T10:00:00+09:00");
}

BOOST_AUTO_TEST_CASE(holiday_beats_weekend) {
    desk_status s = status("2021-03-20T12:00:00+09:00"); // 春分の日 on a Saturday
    BOOST_TEST((s.reason == support_reason::holiday));
    BOOST_TEST(std::string(s.label()->ja) == "春分の日");
    BOOST_TEST(jst(s.next_open) == "2021-03-22T10:00:00+09:00");
}

BOOST_AUTO_TEST_CASE(year_end_break) {
    desk_status s = status("2026-12-30T11:00:00+09:00");
    BOOST_TEST(!s.open);
    BOOST_TEST((s.reason == support_reason::year_end));
    BOOST_TEST(!s.label().has_value());
    BOOST_TEST(jst(s.next_open) == "2027-01-04T10:00:00+09:00");
    BOOST_TEST((weekday_of(civil_date{2027, 1, 4}) == weekday::monday));

    s = status("2026-12-28T17:59:59+09:00"); // last open moment of the year
    BOOST_TEST(s.open);
    s = status("2026-12-28T18:00:00+09:00");
    BOOST_TEST((s.reason == support_reason::after_hours));
    BOOST_TEST(jst(s.next_open) == "2027-01-04T10:00:00+09:00");
    s = status("2026-12-29T00:00:00+09:00");
    BOOST_TEST((s.reason == support_reason::year_end));

    // Year end wins over holidays and weekends.
    s = status("2027-01-01T12:00:00+09:00"); // 元日, a Friday
    BOOST_TEST((s.reason == support_reason::year_end));
    BOOST_TEST(!s.holiday.has_value());
    s = status("2023-01-02T12:00:00+09:00"); // 振替休日 inside the break
    BOOST_TEST((s.reason == support_reason::year_end));
    s = status("2027-01-02T12:00:00+09:00"); // Saturday inside the break
    BOOST_TEST((s.reason == support_reason::year_end));
    s = status("2027-01-03T23:59:59+09:00");
    BOOST_TEST((s.reason == support_reason::year_end));
    BOOST_TEST(jst(s.next_open) == "2027-01-04T10:00:00+09:00");
    s = status("2027-01-04T10:00:00+09:00");
    BOOST_TEST(s.open);
}

BOOST_AUTO_TEST_CASE(break_followed_by_weekend) {
    // The break ends on Friday 2025-01-03: Saturday and Sunday follow.
    desk_status s = status("2024-12-30T10:00:00+09:00");
    BOOST_TEST((s.reason == support_reason::year_end));
    BOOST_TEST(jst(s.next_open) == "2025-01-06T10:00:00+09:00");
    // The break ends on Saturday 2026-01-03.
    s = status("2025-12-31T10:00:00+09:00");
    BOOST_TEST(jst(s.next_open) == "2026-01-05T10:00:00+09:00");
    s = status("2026-01-04T10:00:00+09:00");
    BOOST_TEST((s.reason == support_reason::weekend));
    BOOST_TEST(jst(s.next_open) == "2026-01-05T10:00:00+09:00");
}

BOOST_AUTO_TEST_CASE(configured_desk) {
    desk d = default_desk();
    d.break_first = {12, 28};
    d.break_last = {1, 5};
    desk_status s = status(d, "2026-12-28T11:00:00+09:00");
    BOOST_TEST((s.reason == support_reason::year_end));
    BOOST_TEST(jst(s.next_open) == "2027-01-06T10:00:00+09:00");
    BOOST_TEST(in_year_end_break(d, civil_date{2027, 1, 5}));
    BOOST_TEST(!in_year_end_break(d, civil_date{2027, 1, 6}));

    // A break within one year (no wrap).
    d.break_first = {8, 13};
    d.break_last = {8, 16};
    s = status(d, "2026-08-13T11:00:00+09:00");
    BOOST_TEST((s.reason == support_reason::year_end));
    BOOST_TEST(jst(s.next_open) == "2026-08-17T10:00:00+09:00");
    s = status(d, "2026-12-30T11:00:00+09:00");
    BOOST_TEST(s.open);

    // No break, other hours, open on holidays, closed on Wednesdays too.
    d = default_desk();
    d.has_year_end_break = false;
    d.opens_at = 9 * 3600;
    d.closes_at = 17 * 3600 + 30 * 60;
    d.closed_on_holidays = false;
    d.closed_weekdays |= weekday_bit(weekday::wednesday);
    s = status(d, "2026-12-31T09:00:00+09:00"); // Thursday
    BOOST_TEST(s.open);
    s = status(d, "2026-12-31T17:30:00+09:00");
    BOOST_TEST((s.reason == support_reason::after_hours));
    BOOST_TEST(jst(s.next_open) == "2027-01-01T09:00:00+09:00"); // 元日, open on holidays
    s = status(d, "2026-12-30T12:00:00+09:00");                  // Wednesday
    BOOST_TEST((s.reason == support_reason::weekend));
    s = status(d, "2026-01-12T12:00:00+09:00"); // 成人の日
    BOOST_TEST(s.open);
}

BOOST_AUTO_TEST_CASE(offsets_give_same_answer) {
    const char* forms[] = {"2026-12-30T11:00:00+09:00", "2026-12-30T02:00:00Z",
                           "2026-12-29T20:30:00-05:30", "2026-12-30T07:30:00+05:30"};
    for (const char* f : forms) {
        BOOST_TEST_CONTEXT(f) {
            const desk_status s = status(f);
            BOOST_TEST((s.reason == support_reason::year_end));
            BOOST_TEST(jst(s.next_open) == "2027-01-04T10:00:00+09:00");
        }
    }
    // The UTC date differs from Japan's: Friday 15:00 UTC is Saturday 00:00 in Japan.
    desk_status s = status("2026-06-12T15:00:00Z");
    BOOST_TEST((s.reason == support_reason::weekend));
    s = status("2026-06-12T08:59:59Z"); // Friday 17:59:59 in Japan
    BOOST_TEST(s.open);
    s = status("2026-06-12T09:00:00Z");
    BOOST_TEST((s.reason == support_reason::after_hours));
    s = status("2026-06-12T00:59:59Z");
    BOOST_TEST((s.reason == support_reason::after_hours));
    BOOST_TEST(jst(s.next_open) == "2026-06-12T10:00:00+09:00");
}

BOOST_AUTO_TEST_CASE(range_errors) {
    auto r = support_status(default_desk(), at("1999-12-31T23:59:59+09:00"));
    BOOST_TEST_REQUIRE(!r.has_value());
    BOOST_TEST((r.error() == support_errc::out_of_range));
    r = support_status(default_desk(), at("1999-12-31T15:00:00Z")); // 2000-01-01 00:00 JST
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST((r->reason == support_reason::year_end));
    BOOST_TEST(jst(r->next_open) == "2000-01-04T10:00:00+09:00");

    r = support_status(default_desk(), at("2100-01-01T00:00:00+09:00"));
    BOOST_TEST((r.error() == support_errc::out_of_range));
    r = support_status(default_desk(), at("2099-12-28T17:59:59+09:00")); // Monday, open
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(r->open);
    // Closed from here on; the next opening would be in 2100.
    r = support_status(default_desk(), at("2099-12-28T18:00:00+09:00"));
    BOOST_TEST((r.error() == support_errc::out_of_range));
    r = support_status(at("2099-12-31T12:00:00+09:00"));
    BOOST_TEST((r.error() == support_errc::out_of_range));
    r = support_status(std::numeric_limits<std::int64_t>::min());
    BOOST_TEST((r.error() == support_errc::out_of_range));
    r = support_status(std::numeric_limits<std::int64_t>::max());
    BOOST_TEST((r.error() == support_errc::out_of_range));
    BOOST_TEST(std::strlen(label(support_errc::out_of_range).en) > 0u);
}

BOOST_AUTO_TEST_CASE(invalid_desks) {
    const std::int64_t t = at("2026-06-10T12:00:00+09:00");
    desk d = default_desk();
    d.opens_at = d.closes_at;
    BOOST_TEST((support_status(d, t).error() == support_errc::invalid_desk));
    d = default_desk();
    d.closes_at = 86401;
    BOOST_TEST((support_status(d, t).error() == support_errc::invalid_desk));
    d = default_desk();
    d.opens_at = -1;
    BOOST_TEST((support_status(d, t).error() == support_errc::invalid_desk));
    d = default_desk();
    d.closed_weekdays = 0x7F;
    BOOST_TEST((support_status(d, t).error() == support_errc::invalid_desk));
    d = default_desk();
    d.break_last = {13, 1};
    BOOST_TEST((support_status(d, t).error() == support_errc::invalid_desk));
    d = default_desk();
    d.break_first = {2, 30};
    BOOST_TEST((support_status(d, t).error() == support_errc::invalid_desk));
    d.has_year_end_break = false; // the break days no longer matter
    BOOST_TEST(support_status(d, t).has_value());
    d = default_desk();
    d.opens_at = 0;
    d.closes_at = 86400; // all day is fine
    BOOST_TEST(support_status(d, t)->open);
}

// Every noon and evening of 2000–2099 agrees with the plain rules, and next_open is always the
// earliest open moment.
BOOST_AUTO_TEST_CASE(consistency_2000_2099) {
    const desk d = default_desk();
    const std::int64_t first = days_from_civil(civil_date{2000, 1, 1});
    const std::int64_t last = days_from_civil(civil_date{2099, 12, 31});
    // From 2099-12-28 18:00 on, the next opening is in 2100: refused (see range_errors).
    const std::int64_t last_evening = days_from_civil(civil_date{2099, 12, 27});
    for (std::int64_t day = first; day <= last; ++day) {
        const civil_date date = civil_from_days(day);
        const auto h = holiday_on(date);
        BOOST_TEST_REQUIRE(h.has_value());
        const weekday w = weekday_of(date);
        const bool brk = (date.month == 12 && date.day >= 29) || (date.month == 1 && date.day <= 3);
        const bool open_day =
            !brk && !h->has_value() && w != weekday::saturday && w != weekday::sunday;

        const auto noon = support_status(d, from_jst(date, 12, 0, 0));
        if (day > last_evening + 1) { // 2099-12-29 and later: closed until 2100
            BOOST_TEST_REQUIRE((noon.error() == support_errc::out_of_range));
            continue;
        }
        BOOST_TEST_REQUIRE(noon.has_value());
        BOOST_TEST_REQUIRE(noon->open == open_day);
        if (!open_day) {
            const support_reason want = brk              ? support_reason::year_end
                                        : h->has_value() ? support_reason::holiday
                                                         : support_reason::weekend;
            BOOST_TEST_REQUIRE((noon->reason == want));
            BOOST_TEST_REQUIRE(noon->holiday.has_value() == (want == support_reason::holiday));
        }

        if (day > last_evening) continue;
        const auto evening = support_status(d, from_jst(date, 18, 0, 0));
        BOOST_TEST_REQUIRE(evening.has_value());
        BOOST_TEST_REQUIRE(!evening->open);
        const jst_time next = to_jst(evening->next_open);
        BOOST_TEST_REQUIRE(next.second_of_day == 10 * 3600);
        const std::int64_t next_day = days_from_civil(next.date);
        BOOST_TEST_REQUIRE(next_day > day);
        BOOST_TEST_REQUIRE(support_status(d, evening->next_open)->open);
        BOOST_TEST_REQUIRE(!support_status(d, evening->next_open - 1)->open);
        for (std::int64_t between = day + 1; between < next_day; ++between)
            BOOST_TEST_REQUIRE(
                !support_status(d, from_jst(civil_from_days(between), 12, 0, 0))->open);
    }
}

BOOST_AUTO_TEST_SUITE_END()

// A person's time (support --at): no offset is Japan time, seconds may be left out, a bare
// date is 10:00 that day; with an offset, the same instant as parse_instant.
BOOST_AUTO_TEST_CASE(japan_time_for_people) {
    auto when = [](std::string_view s) {
        const auto r = parse_japan_time(s);
        BOOST_TEST_REQUIRE(r.has_value(), "input '" << s << "'");
        return *r;
    };
    const std::int64_t t = at("2026-05-04T11:00:00+09:00");
    BOOST_TEST(when("2026-05-04T11:00") == t);
    BOOST_TEST(when("2026-05-04T11:00:00") == t);
    BOOST_TEST(when("2026-05-04 11:00") == t);
    BOOST_TEST(when("2026-05-04t11:00:00.25") == t);
    BOOST_TEST(when("2026-05-04T11:00:00+09:00") == t);
    BOOST_TEST(when("2026-05-04T02:00Z") == t);
    BOOST_TEST(when("2026-05-04T02:00:00Z") == t);
    BOOST_TEST(when("2026-05-04") == at("2026-05-04T10:00:00+09:00"));
    BOOST_TEST(when("2026-05-04") == *parse_japan_time("2026-05-04T10:00"));
    static_assert(parse_japan_time("1970-01-01").value() == 3600);
    // Every strict instant means the same.
    for (const char* s :
         {"2026-12-30T11:00:00+09:00", "2026-12-30T02:00:00Z", "2026-12-30T11:00:00.999-05:30"})
        BOOST_TEST(when(s) == at(s));
    const std::pair<const char*, parse_errc> bad[] = {
        {"", parse_errc::malformed},
        {"2026-05", parse_errc::malformed},
        {"2026-05-04T", parse_errc::malformed},
        {"2026-05-04T11", parse_errc::malformed},
        {"2026-05-04T11:0", parse_errc::malformed},
        {"2026-05-04X11:00", parse_errc::malformed},
        {"2026-05-04T11:00:", parse_errc::malformed},
        {"2026-05-04T11:00junk", parse_errc::malformed},
        {"2026-05-04 ", parse_errc::malformed},
        {"2026-05-04T11:00+0900", parse_errc::malformed},
        {"2026-02-30", parse_errc::invalid_date},
        {"2026-02-30T10:00", parse_errc::invalid_date},
        {"2026-05-04T24:00", parse_errc::invalid_time},
        {"2026-05-04T11:00+24:00", parse_errc::invalid_offset},
    };
    for (const auto& [text, want] : bad) {
        BOOST_TEST_CONTEXT("input '" << text << "'") {
            const auto r = parse_japan_time(text);
            BOOST_TEST_REQUIRE(!r.has_value());
            BOOST_TEST((r.error() == want));
        }
    }
}

namespace {
// 2026-12-07T00:00:00Z (= 2026-12-07T09:00:00+09:00).
constexpr std::int64_t dec7 = 1796601600;
struct instant_case {
    const char* text;
    int error; ///< a parse_errc, or -1: parses, to dec7 + delta
    std::int64_t delta;
};
constexpr int ok = -1;
constexpr int malformed = static_cast<int>(parse_errc::malformed);
constexpr int bad_date = static_cast<int>(parse_errc::invalid_date);
constexpr int bad_time = static_cast<int>(parse_errc::invalid_time);
constexpr int no_offset = static_cast<int>(parse_errc::missing_offset);
constexpr int bad_offset = static_cast<int>(parse_errc::invalid_offset);

void check_cases(tl::expected<std::int64_t, parse_errc> (*parse)(std::string_view) noexcept,
                 std::initializer_list<instant_case> cases) {
    for (const instant_case& c : cases) BOOST_TEST_CONTEXT("'" << c.text << "'") {
            const auto r = parse(c.text);
            if (c.error == ok) {
                BOOST_TEST_REQUIRE(r.has_value());
                BOOST_TEST(*r == dec7 + c.delta);
            } else {
                BOOST_TEST_REQUIRE(!r.has_value());
                BOOST_TEST(static_cast<int>(r.error()) == c.error);
            }
        }
}
} // namespace

// Each character of the form wrong in turn, for both parsers.
BOOST_AUTO_TEST_CASE(instants_wrong_at_each_place) {
    check_cases(parse_instant, {
                                   {"2026-12-07T00:00:00Z", ok, 0},
                                   {"2026-12-07t00:00:00z", ok, 0},
                                   {"2026-12-07T00:00:00.5Z", ok, 0},
                                   {"2026-12-07T00:00:00-00:00", ok, 0},
                                   {"2026-12-07T00:00:00-01:30", ok, 5400},
                                   {"2026-12-07T23:59:59+23:59", ok, 86399 - 86340},
                                   {"x026-12-07T00:00:00Z", malformed, 0},
                                   {"2026-1x-07T00:00:00Z", malformed, 0},
                                   {"2026-12-0xT00:00:00Z", malformed, 0},
                                   {"2026-12-07Tx0:00:00Z", malformed, 0},
                                   {"2026-12-07T00:x0:00Z", malformed, 0},
                                   {"2026-12-07T00:00:x0Z", malformed, 0},
                                   {"2026/12-07T00:00:00Z", malformed, 0},
                                   {"2026-12/07T00:00:00Z", malformed, 0},
                                   {"2026-12-07 00:00:00Z", malformed, 0},
                                   {"2026-12-07T00-00:00Z", malformed, 0},
                                   {"2026-12-07T00:00-00Z", malformed, 0},
                                   {"2026-12-07T00:00:00.", malformed, 0},
                                   {"2026-12-07T00:00:00.Z", malformed, 0},
                                   {"2026-12-07T00:00:00", no_offset, 0},
                                   {"2026-12-07T00:00:00.123", no_offset, 0},
                                   {"2026-12-07T00:00:00Zx", malformed, 0},
                                   {"2026-12-07T00:00:00+09", malformed, 0},
                                   {"2026-12-07T00:00:00+x9:00", malformed, 0},
                                   {"2026-12-07T00:00:00+09:x0", malformed, 0},
                                   {"2026-12-07T00:00:00+09-00", malformed, 0},
                                   {"2026-12-07T00:00:00+09:00x", malformed, 0},
                                   {"2026-12-07T00:00:00#09:00", malformed, 0},
                                   {"2026-12-07T00:00:00+24:00", bad_offset, 0},
                                   {"2026-12-07T00:00:00+09:60", bad_offset, 0},
                                   {"2026-02-30T00:00:00Z", bad_date, 0},
                                   {"2026-13-07T00:00:00Z", bad_date, 0},
                                   {"2026-12-07T24:00:00Z", bad_time, 0},
                                   {"2026-12-07T00:60:00Z", bad_time, 0},
                                   {"2026-12-07T00:00:60Z", bad_time, 0},
                                   {"", malformed, 0},
                               });
    // Japan time when no offset is given; the rest as parse_instant.
    const std::int64_t jst = -9 * 3600;
    check_cases(parse_japan_time, {
                                      {"2026-12-07", ok, jst + 10 * 3600},
                                      {"2026-12-07T00:00", ok, jst},
                                      {"2026-12-07t00:00", ok, jst},
                                      {"2026-12-07 00:00", ok, jst},
                                      {"2026-12-07T00:00:30", ok, jst + 30},
                                      {"2026-12-07T00:00:30.25", ok, jst + 30},
                                      {"2026-12-07T00:00:00Z", ok, 0},
                                      {"2026-12-07T00:00:00z", ok, 0},
                                      {"2026-12-07T00:00Z", ok, 0},
                                      {"2026-12-07T00:00:00-01:30", ok, 5400},
                                      {"2026-12-07T00:00+09:00", ok, jst},
                                      {"x026-12-07", malformed, 0},
                                      {"2026-1x-07", malformed, 0},
                                      {"2026-12-0x", malformed, 0},
                                      {"2026/12-07", malformed, 0},
                                      {"2026-12/07", malformed, 0},
                                      {"2026-02-30", bad_date, 0},
                                      {"2026-12-07X00:00", malformed, 0},
                                      {"2026-12-07Tx0:00", malformed, 0},
                                      {"2026-12-07T00:x0", malformed, 0},
                                      {"2026-12-07T00-00", malformed, 0},
                                      {"2026-12-07T00:00:x0", malformed, 0},
                                      {"2026-12-07T00:00:00.", malformed, 0},
                                      {"2026-12-07T00:00:00.Z", malformed, 0},
                                      {"2026-12-07T00:00:00Zx", malformed, 0},
                                      {"2026-12-07T00:00:00+09", malformed, 0},
                                      {"2026-12-07T00:00:00+x9:00", malformed, 0},
                                      {"2026-12-07T00:00:00+09:x0", malformed, 0},
                                      {"2026-12-07T00:00:00+09-00", malformed, 0},
                                      {"2026-12-07T00:00:00+09:00x", malformed, 0},
                                      {"2026-12-07T00:00:00#", malformed, 0},
                                      {"2026-12-07T00:00:00+24:00", bad_offset, 0},
                                      {"2026-12-07T00:00:00+09:60", bad_offset, 0},
                                      {"2026-02-30T00:00", bad_date, 0},
                                      {"2026-12-07T24:00", bad_time, 0},
                                      {"2026-12-07T00:60", bad_time, 0},
                                      {"2026-12-07T00:00:60", bad_time, 0},
                                      {"", malformed, 0},
                                  });
}
