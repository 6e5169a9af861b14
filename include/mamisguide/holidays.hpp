// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — Japan's national holidays (国民の祝日) for the years 2000–2099.
//
// The rules follow the Act on National Holidays (国民の祝日に関する法律) as amended, together with
// the special acts for the 2019 enthronement and the Tokyo 2020 Olympic and Paralympic Games:
//
//   * fixed days: 元日 1/1, 建国記念の日 2/11, 昭和の日 4/29 (from 2007; みどりの日 before),
//     憲法記念日 5/3, みどりの日 5/4 (from 2007), こどもの日 5/5, 山の日 8/11 (from 2016),
//     文化の日 11/3, 勤労感謝の日 11/23, 天皇誕生日 12/23 (until 2018) / 2/23 (from 2020);
//   * Monday holidays ("Happy Monday"): 成人の日 and 体育の日/スポーツの日 from 2000, 海の日 and
//     敬老の日 from 2003 (7/20 and 9/15 before); 体育の日 is スポーツの日 from 2020;
//   * 春分の日 and 秋分の日 from the standard approximation valid for 1980–2099;
//   * 振替休日: a holiday on a Sunday moves to the next day (until 2006), or to the nearest later
//     day that is not a national holiday (from 2007);
//   * 国民の休日: a day that is not a national holiday but lies between two of them (until 2006
//     Sundays and 振替休日 excepted);
//   * one-off days and moves: 2019-05-01 即位の日 and 2019-10-22 即位礼正殿の儀の行われる日
//     (which make 4/30 and 5/2 国民の休日); 2020: 海の日 7/23, スポーツの日 7/24, 山の日 8/10;
//     2021: 海の日 7/22, スポーツの日 7/23, 山の日 8/8 (so no holiday in October 2021).
//
// A year outside 2000–2099 is refused with an error, never guessed. Nothing allocates: a year's
// holidays come back in a fixed-capacity list and every name is static text.
#pragma once

#include "detail/fixed_vector.hpp"
#include "text.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <tl/expected.hpp>

namespace mamisguide {

// --- civil dates ---------------------------------------------------------------------------

/// A date in the proleptic Gregorian calendar. Months and days count from 1.
struct civil_date {
    int year;
    int month;
    int day;
};

constexpr bool operator==(civil_date a, civil_date b) noexcept {
    return a.year == b.year && a.month == b.month && a.day == b.day;
}
constexpr bool operator!=(civil_date a, civil_date b) noexcept {
    return !(a == b);
}
constexpr bool operator<(civil_date a, civil_date b) noexcept {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
}
constexpr bool operator>(civil_date a, civil_date b) noexcept {
    return b < a;
}
constexpr bool operator<=(civil_date a, civil_date b) noexcept {
    return !(b < a);
}
constexpr bool operator>=(civil_date a, civil_date b) noexcept {
    return !(a < b);
}

/// True for Gregorian leap years.
constexpr bool is_leap_year(int year) noexcept {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

/// The number of days in the month, or 0 when `month` is not 1–12.
constexpr int days_in_month(int year, int month) noexcept {
    switch (month) {
    case 1:
    case 3:
    case 5:
    case 7:
    case 8:
    case 10:
    case 12:
        return 31;
    case 4:
    case 6:
    case 9:
    case 11:
        return 30;
    case 2:
        return is_leap_year(year) ? 29 : 28;
    default:
        return 0;
    }
}

/// True when the date exists (month 1–12, day 1–days_in_month).
constexpr bool is_valid_date(civil_date d) noexcept {
    return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

/// Days since 1970-01-01 (negative before). Howard Hinnant's days_from_civil; `d` must be valid.
constexpr std::int64_t days_from_civil(civil_date d) noexcept {
    const std::int64_t y = static_cast<std::int64_t>(d.year) - (d.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;                          // [0, 399]
    const std::int64_t mp = d.month > 2 ? d.month - 3 : d.month + 9; // [0, 11]
    const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;         // [0, 365]
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
    return era * 146097 + doe - 719468;
}

namespace detail {

/// civil_from_days with a 64-bit year, for any `days` an int64 count of seconds can reach.
struct wide_civil_date {
    std::int64_t year;
    int month;
    int day;
};

constexpr wide_civil_date wide_civil_from_days(std::int64_t days) noexcept {
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;                                      // [0, 146096]
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; // [0, 399]
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               // [0, 365]
    const std::int64_t mp = (5 * doy + 2) / 153;                                    // [0, 11]
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;                            // [1, 31]
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;                               // [1, 12]
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), static_cast<int>(m), static_cast<int>(d)};
}

} // namespace detail

/// The date `days` days after 1970-01-01 (Howard Hinnant's civil_from_days). The year must fit
/// in an int (|days| below about 7.8e11).
constexpr civil_date civil_from_days(std::int64_t days) noexcept {
    const detail::wide_civil_date w = detail::wide_civil_from_days(days);
    return {static_cast<int>(w.year), w.month, w.day};
}

/// A day of the week. The values are those of C's tm_wday: Sunday is 0.
enum class weekday : unsigned char {
    sunday,
    monday,
    tuesday,
    wednesday,
    thursday,
    friday,
    saturday
};

/// The day of the week of the day `days` days after 1970-01-01 (a Thursday).
constexpr weekday weekday_from_days(std::int64_t days) noexcept {
    const std::int64_t r = (days % 7 + 7 + 4) % 7;
    return static_cast<weekday>(r);
}

/// The day of the week of a valid date.
constexpr weekday weekday_of(civil_date d) noexcept {
    return weekday_from_days(days_from_civil(d));
}

/// The day's name for people: 日曜日 / Sunday, …
constexpr bitext label(weekday w) noexcept {
    switch (w) {
    case weekday::sunday:
        return {"日曜日", "Sunday"};
    case weekday::monday:
        return {"月曜日", "Monday"};
    case weekday::tuesday:
        return {"火曜日", "Tuesday"};
    case weekday::wednesday:
        return {"水曜日", "Wednesday"};
    case weekday::thursday:
        return {"木曜日", "Thursday"};
    case weekday::friday:
        return {"金曜日", "Friday"};
    case weekday::saturday:
        return {"土曜日", "Saturday"};
    }
    return {"", ""};
}

// --- holidays ------------------------------------------------------------------------------

/// The first and last years whose holidays are known. Anything else is refused.
inline constexpr int first_holiday_year = 2000;
inline constexpr int last_holiday_year = 2099;

/// Which holiday a day is. The first group are 国民の祝日 proper; the last two are the 休日 the
/// Act derives from them.
enum class holiday_kind : unsigned char {
    new_years_day,             ///< 元日
    coming_of_age_day,         ///< 成人の日
    national_foundation_day,   ///< 建国記念の日
    emperors_birthday,         ///< 天皇誕生日
    vernal_equinox_day,        ///< 春分の日
    showa_day,                 ///< 昭和の日
    constitution_memorial_day, ///< 憲法記念日
    greenery_day,              ///< みどりの日
    childrens_day,             ///< こどもの日
    marine_day,                ///< 海の日
    mountain_day,              ///< 山の日
    respect_for_the_aged_day,  ///< 敬老の日
    autumnal_equinox_day,      ///< 秋分の日
    health_and_sports_day,     ///< 体育の日 (until 2019)
    sports_day,                ///< スポーツの日 (from 2020)
    culture_day,               ///< 文化の日
    labor_thanksgiving_day,    ///< 勤労感謝の日
    enthronement_day,          ///< 即位の日 (2019-05-01)
    enthronement_ceremony_day, ///< 即位礼正殿の儀の行われる日 (2019-10-22)
    substitute_holiday,        ///< 振替休日
    citizens_holiday,          ///< 国民の休日
};

/// True for 国民の祝日 proper (and the 2019 days treated as such); false for 振替休日 and
/// 国民の休日.
constexpr bool is_national_holiday(holiday_kind k) noexcept {
    return k != holiday_kind::substitute_holiday && k != holiday_kind::citizens_holiday;
}

/// The holiday's name in Japanese and English.
constexpr bitext label(holiday_kind k) noexcept {
    switch (k) {
    case holiday_kind::new_years_day:
        return {"元日", "New Year's Day"};
    case holiday_kind::coming_of_age_day:
        return {"成人の日", "Coming of Age Day"};
    case holiday_kind::national_foundation_day:
        return {"建国記念の日", "National Foundation Day"};
    case holiday_kind::emperors_birthday:
        return {"天皇誕生日", "The Emperor's Birthday"};
    case holiday_kind::vernal_equinox_day:
        return {"春分の日", "Vernal Equinox Day"};
    case holiday_kind::showa_day:
        return {"昭和の日", "Showa Day"};
    case holiday_kind::constitution_memorial_day:
        return {"憲法記念日", "Constitution Memorial Day"};
    case holiday_kind::greenery_day:
        return {"みどりの日", "Greenery Day"};
    case holiday_kind::childrens_day:
        return {"こどもの日", "Children's Day"};
    case holiday_kind::marine_day:
        return {"海の日", "Marine Day"};
    case holiday_kind::mountain_day:
        return {"山の日", "Mountain Day"};
    case holiday_kind::respect_for_the_aged_day:
        return {"敬老の日", "Respect for the Aged Day"};
    case holiday_kind::autumnal_equinox_day:
        return {"秋分の日", "Autumnal Equinox Day"};
    case holiday_kind::health_and_sports_day:
        return {"体育の日", "Health and Sports Day"};
    case holiday_kind::sports_day:
        return {"スポーツの日", "Sports Day"};
    case holiday_kind::culture_day:
        return {"文化の日", "Culture Day"};
    case holiday_kind::labor_thanksgiving_day:
        return {"勤労感謝の日", "Labor Thanksgiving Day"};
    case holiday_kind::enthronement_day:
        return {"即位の日", "Enthronement Day"};
    case holiday_kind::enthronement_ceremony_day:
        return {"即位礼正殿の儀の行われる日", "Enthronement Ceremony Day"};
    case holiday_kind::substitute_holiday:
        return {"振替休日", "Substitute Holiday"};
    case holiday_kind::citizens_holiday:
        return {"国民の休日", "Citizens' Holiday"};
    }
    return {"", ""};
}

/// One holiday: its date and which holiday it is.
struct holiday {
    civil_date date;
    holiday_kind kind;

    /// The holiday's name (see holiday_name).
    constexpr bitext name() const noexcept { return label(kind); }
};

constexpr bool operator==(const holiday& a, const holiday& b) noexcept {
    return a.date == b.date && a.kind == b.kind;
}
constexpr bool operator!=(const holiday& a, const holiday& b) noexcept {
    return !(a == b);
}

/// A year's holidays in date order. No year in 2000–2099 has more than 22; the capacity leaves
/// room to spare.
using holiday_list = fixed_vector<holiday, 24>;

/// Why a holiday question was refused.
enum class holiday_errc : unsigned char {
    year_out_of_range, ///< the year is outside 2000–2099
    invalid_date,      ///< the date does not exist (e.g. 02-30)
};

/// The error's explanation for people.
constexpr bitext label(holiday_errc e) noexcept {
    switch (e) {
    case holiday_errc::year_out_of_range:
        return {"2000年から2099年までの祝日のみ対応しています",
                "holidays are known only for the years 2000 to 2099"};
    case holiday_errc::invalid_date:
        return {"存在しない日付です", "no such date"};
    }
    return {"", ""};
}

namespace detail {

/// The day of the month of the n-th (1-based) given weekday of a month.
constexpr int nth_weekday(int year, int month, weekday w, int n) noexcept {
    const int first = static_cast<int>(weekday_of(civil_date{year, month, 1}));
    const int offset = (static_cast<int>(w) - first + 7) % 7;
    return 1 + offset + 7 * (n - 1);
}

/// 春分の日 (March) for 1980–2099: int(20.8431 + 0.242194 (y − 1980)) − int((y − 1980) / 4),
/// computed in exact integer arithmetic (the constants in millionths).
constexpr int vernal_equinox_day(int year) noexcept {
    const long long n = year - 1980;
    return static_cast<int>((20843100LL + 242194LL * n) / 1000000LL - n / 4);
}

/// 秋分の日 (September) for 1980–2099: int(23.2488 + 0.242194 (y − 1980)) − int((y − 1980) / 4).
constexpr int autumnal_equinox_day(int year) noexcept {
    const long long n = year - 1980;
    return static_cast<int>((23248800LL + 242194LL * n) / 1000000LL - n / 4);
}

/// The year's days, indexed by day of the year (0 = January 1): 0 for an ordinary day, else
/// 1 + the holiday_kind.
struct year_marks {
    int year = 0;
    int length = 365;           // days in the year
    std::int64_t january_1 = 0; // days_from_civil of January 1
    unsigned char mark[366]{};

    constexpr int index(int month, int day) const noexcept {
        int i = day - 1;
        for (int m = 1; m < month; ++m) i += days_in_month(year, m);
        return i;
    }

    constexpr void set(int month, int day, holiday_kind k) noexcept {
        mark[index(month, day)] = static_cast<unsigned char>(static_cast<int>(k) + 1);
    }
    constexpr bool is_holiday(int i) const noexcept { return mark[i] != 0; }
    constexpr bool is_national(int i) const noexcept {
        return mark[i] != 0 && is_national_holiday(static_cast<holiday_kind>(mark[i] - 1));
    }
    constexpr weekday weekday_at(int i) const noexcept { return weekday_from_days(january_1 + i); }
};

/// Marks the national holidays proper of a year in 2000–2099.
constexpr void mark_national_holidays(year_marks& ym) noexcept {
    const int y = ym.year;
    using k = holiday_kind;

    ym.set(1, 1, k::new_years_day);
    ym.set(1, nth_weekday(y, 1, weekday::monday, 2), k::coming_of_age_day);
    ym.set(2, 11, k::national_foundation_day);
    if (y >= 2020) ym.set(2, 23, k::emperors_birthday);
    ym.set(3, vernal_equinox_day(y), k::vernal_equinox_day);
    ym.set(4, 29, y >= 2007 ? k::showa_day : k::greenery_day);
    ym.set(5, 3, k::constitution_memorial_day);
    if (y >= 2007) ym.set(5, 4, k::greenery_day);
    ym.set(5, 5, k::childrens_day);

    if (y == 2020)
        ym.set(7, 23, k::marine_day);
    else if (y == 2021)
        ym.set(7, 22, k::marine_day);
    else if (y >= 2003)
        ym.set(7, nth_weekday(y, 7, weekday::monday, 3), k::marine_day);
    else
        ym.set(7, 20, k::marine_day);

    if (y == 2020)
        ym.set(8, 10, k::mountain_day);
    else if (y == 2021)
        ym.set(8, 8, k::mountain_day);
    else if (y >= 2016)
        ym.set(8, 11, k::mountain_day);

    if (y >= 2003)
        ym.set(9, nth_weekday(y, 9, weekday::monday, 3), k::respect_for_the_aged_day);
    else
        ym.set(9, 15, k::respect_for_the_aged_day);
    ym.set(9, autumnal_equinox_day(y), k::autumnal_equinox_day);

    if (y == 2020)
        ym.set(7, 24, k::sports_day);
    else if (y == 2021)
        ym.set(7, 23, k::sports_day);
    else
        ym.set(10, nth_weekday(y, 10, weekday::monday, 2),
               y >= 2020 ? k::sports_day : k::health_and_sports_day);

    ym.set(11, 3, k::culture_day);
    ym.set(11, 23, k::labor_thanksgiving_day);
    if (y <= 2018) ym.set(12, 23, k::emperors_birthday);

    if (y == 2019) {
        ym.set(5, 1, k::enthronement_day);
        ym.set(10, 22, k::enthronement_ceremony_day);
    }
}

/// Adds 振替休日 and then 国民の休日 to the marked national holidays.
constexpr void mark_derived_holidays(year_marks& ym) noexcept {
    const bool since_2007 = ym.year >= 2007;
    const auto substitute =
        static_cast<unsigned char>(static_cast<int>(holiday_kind::substitute_holiday) + 1);
    const auto citizens =
        static_cast<unsigned char>(static_cast<int>(holiday_kind::citizens_holiday) + 1);

    // 振替休日. No year in range has a Sunday holiday on December 31, so nothing crosses into
    // the next year.
    for (int i = 0; i < ym.length; ++i) {
        if (!ym.is_national(i) || ym.weekday_at(i) != weekday::sunday) continue;
        int j = i + 1;
        if (since_2007)
            while (j < ym.length && ym.is_holiday(j)) ++j;
        if (j < ym.length && !ym.is_holiday(j)) ym.mark[j] = substitute;
    }

    // 国民の休日: between two national holidays; before 2007 not on a Sunday (nor on a
    // 振替休日, which is already marked and so skipped).
    for (int i = 1; i + 1 < ym.length; ++i) {
        if (ym.is_holiday(i) || !ym.is_national(i - 1) || !ym.is_national(i + 1)) continue;
        if (!since_2007 && ym.weekday_at(i) == weekday::sunday) continue;
        ym.mark[i] = citizens;
    }
}

} // namespace detail

/// Every holiday of `year` (国民の祝日, 振替休日 and 国民の休日) in date order, or
/// holiday_errc::year_out_of_range outside 2000–2099.
constexpr tl::expected<holiday_list, holiday_errc> holidays_in(int year) noexcept {
    if (year < first_holiday_year || year > last_holiday_year)
        return tl::unexpected<holiday_errc>(holiday_errc::year_out_of_range);

    detail::year_marks ym;
    ym.year = year;
    ym.length = is_leap_year(year) ? 366 : 365;
    ym.january_1 = days_from_civil(civil_date{year, 1, 1});
    detail::mark_national_holidays(ym);
    detail::mark_derived_holidays(ym);

    holiday_list out;
    int i = 0;
    for (int m = 1; m <= 12; ++m)
        for (int d = 1, n = days_in_month(year, m); d <= n; ++d, ++i)
            if (ym.mark[i] != 0)
                out.push_back(
                    holiday{civil_date{year, m, d}, static_cast<holiday_kind>(ym.mark[i] - 1)});
    return out;
}

/// The holiday on `date`, std::nullopt for an ordinary day; holiday_errc::invalid_date for a
/// date that does not exist, holiday_errc::year_out_of_range outside 2000–2099.
constexpr tl::expected<std::optional<holiday>, holiday_errc> holiday_on(civil_date date) noexcept {
    if (date.year < first_holiday_year || date.year > last_holiday_year)
        return tl::unexpected<holiday_errc>(holiday_errc::year_out_of_range);
    if (!is_valid_date(date)) return tl::unexpected<holiday_errc>(holiday_errc::invalid_date);
    const auto list = holidays_in(date.year);
    for (const holiday& h : *list)
        if (h.date == date) return std::optional<holiday>{h};
    return std::optional<holiday>{};
}

/// True when `date` is a holiday of any kind. Same errors as holiday_on.
constexpr tl::expected<bool, holiday_errc> is_holiday(civil_date date) noexcept {
    const auto h = holiday_on(date);
    if (!h) return tl::unexpected<holiday_errc>(h.error());
    return (*h).has_value();
}

} // namespace mamisguide
