// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the MAMIS support desk (医師会会員情報システム運営事務局): is it open now, and
// when does it open next?
//
// Instants are seconds since the Unix epoch (UTC, int64). Japan is UTC+09:00 all year (no
// daylight saving time), so every rule works on the Japanese wall clock of the instant.
//
// The desk's contact details, hours and closed days are data (struct desk, default_desk()).
// A day is closed, in this order of precedence:
//
//   1. year_end — it falls in the year-end/New Year break (年末年始, default 12/29–1/3);
//   2. holiday  — it is a national holiday, 振替休日 or 国民の休日 (holidays.hpp);
//   3. weekend  — it is a closed day of the week (default Saturday and Sunday);
//
// and on any other day the desk is open from `opens_at` (inclusive) to `closes_at` (exclusive),
// after_hours otherwise. So a holiday on a Saturday reports holiday, and a holiday inside the
// break reports year_end.
//
// Holidays are known for 2000–2099 only: an instant whose Japanese date is outside those years,
// or whose next opening would be, is refused with an error, never guessed. Nothing allocates.
#pragma once

#include "holidays.hpp"
#include "text.hpp"
#include "texts/desk.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <tl/expected.hpp>

namespace mamisguide {

// --- Japan Standard Time -------------------------------------------------------------------

/// Japan Standard Time is UTC+09:00, all year.
inline constexpr std::int64_t jst_offset_seconds = 9 * 3600;

/// Seconds in a day.
inline constexpr std::int64_t seconds_per_day = 86400;

/// A moment on the Japanese wall clock: a date and the seconds since its midnight.
struct jst_time {
    civil_date date;
    int second_of_day; ///< 0–86399

    constexpr int hour() const noexcept { return second_of_day / 3600; }
    constexpr int minute() const noexcept { return second_of_day / 60 % 60; }
    constexpr int second() const noexcept { return second_of_day % 60; }
};

namespace detail {

/// floor(instant / 86400) of the Japanese wall clock and the seconds past that midnight,
/// without overflow for any int64.
struct jst_split {
    std::int64_t days;
    int second_of_day;
};

constexpr jst_split split_jst(std::int64_t instant) noexcept {
    std::int64_t days = instant / seconds_per_day;
    std::int64_t rem = instant % seconds_per_day;
    if (rem < 0) {
        rem += seconds_per_day;
        --days;
    }
    rem += jst_offset_seconds;
    if (rem >= seconds_per_day) {
        rem -= seconds_per_day;
        ++days;
    }
    return {days, static_cast<int>(rem)};
}

} // namespace detail

/// The Japanese wall-clock time of an instant. The year must fit in an int (any instant
/// within about ±6.7e16 s; every instant parse_instant can return).
constexpr jst_time to_jst(std::int64_t instant) noexcept {
    const detail::jst_split s = detail::split_jst(instant);
    return {civil_from_days(s.days), s.second_of_day};
}

/// The instant of a Japanese wall-clock time (`date` valid, `second_of_day` 0–86399; a larger
/// value simply runs on into the following days).
constexpr std::int64_t from_jst(civil_date date, int second_of_day) noexcept {
    return days_from_civil(date) * seconds_per_day + second_of_day - jst_offset_seconds;
}

/// The instant of a Japanese wall-clock time given as hours, minutes and seconds.
constexpr std::int64_t from_jst(civil_date date, int hour, int minute, int second) noexcept {
    return from_jst(date, hour * 3600 + minute * 60 + second);
}

/// An instant written as `YYYY-MM-DDTHH:MM:SS+09:00`, in a fixed buffer (no allocation).
struct jst_text {
    char data[40]; ///< NUL-terminated
    std::size_t size;

    constexpr std::string_view view() const noexcept { return {data, size}; }
    constexpr const char* c_str() const noexcept { return data; }
};

/// Formats an instant as Japanese local time with its offset, e.g.
/// `2027-01-04T10:00:00+09:00`. Any int64 is accepted: years 0–9999 have four digits, other
/// years are written ISO 8601-style with a sign (`-0001`, `+10000`).
constexpr jst_text format_jst(std::int64_t instant) noexcept {
    const detail::jst_split s = detail::split_jst(instant);
    const detail::wide_civil_date d = detail::wide_civil_from_days(s.days);

    jst_text out{};
    std::size_t n = 0;
    auto put2 = [&](int v) {
        out.data[n++] = static_cast<char>('0' + v / 10);
        out.data[n++] = static_cast<char>('0' + v % 10);
    };

    // The year: at least four digits; a sign outside 0–9999.
    std::int64_t y = d.year;
    if (y < 0)
        out.data[n++] = '-';
    else if (y > 9999)
        out.data[n++] = '+';
    char digits[20]{};
    int len = 0;
    // Negate digit by digit so that no value overflows.
    do {
        const std::int64_t q = y / 10;
        const std::int64_t r = y - q * 10;
        digits[len++] = static_cast<char>('0' + (r < 0 ? -r : r));
        y = q;
    } while (y != 0);
    while (len < 4) digits[len++] = '0';
    while (len > 0) out.data[n++] = digits[--len];

    out.data[n++] = '-';
    put2(d.month);
    out.data[n++] = '-';
    put2(d.day);
    out.data[n++] = 'T';
    put2(s.second_of_day / 3600);
    out.data[n++] = ':';
    put2(s.second_of_day / 60 % 60);
    out.data[n++] = ':';
    put2(s.second_of_day % 60);
    for (char c : {'+', '0', '9', ':', '0', '0'}) out.data[n++] = c;
    out.data[n] = '\0';
    out.size = n;
    return out;
}

// --- parsing ------------------------------------------------------------------------------

/// Why parse_instant refused its input.
enum class parse_errc : unsigned char {
    malformed,      ///< not of the form YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)
    invalid_date,   ///< the date does not exist (month 13, 02-30, …)
    invalid_time,   ///< hour above 23, minute or second above 59 (no leap seconds)
    missing_offset, ///< no `Z` or `±HH:MM`: local time is never assumed
    invalid_offset, ///< offset hour above 23 or minute above 59
};

/// The error's explanation for people.
constexpr bitext label(parse_errc e) noexcept {
    switch (e) {
    case parse_errc::malformed:
        return texts::time_malformed;
    case parse_errc::invalid_date:
        return texts::time_invalid_date;
    case parse_errc::invalid_time:
        return texts::time_invalid_time;
    case parse_errc::missing_offset:
        return texts::time_missing_offset;
    case parse_errc::invalid_offset:
        return texts::time_invalid_offset;
    }
    return {"", ""};
}

namespace detail {

constexpr bool is_digit(char c) noexcept {
    return c >= '0' && c <= '9';
}

/// The number written by s[pos, pos + count), or -1 unless all are digits.
constexpr int read_digits(std::string_view s, std::size_t pos, std::size_t count) noexcept {
    if (pos + count > s.size()) return -1;
    int v = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!is_digit(s[i])) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

} // namespace detail

/// Parses an RFC 3339 / ISO 8601 extended date and time with a UTC offset:
/// `YYYY-MM-DDTHH:MM:SS` (`T` or `t`), optional fractional seconds (`.` and one or more
/// digits, dropped: the result is the whole second), then `Z`/`z` or `+HH:MM`/`-HH:MM`
/// (`-00:00` is UTC). Nothing may precede or follow. A missing offset is refused
/// (parse_errc::missing_offset) rather than taken to be Japan's: a guess would shift the
/// instant by hours. Returns seconds since the Unix epoch.
constexpr tl::expected<std::int64_t, parse_errc> parse_instant(std::string_view s) noexcept {
    using detail::read_digits;
    const int year = read_digits(s, 0, 4);
    const int month = read_digits(s, 5, 2);
    const int day = read_digits(s, 8, 2);
    const int hour = read_digits(s, 11, 2);
    const int minute = read_digits(s, 14, 2);
    const int second = read_digits(s, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || s[4] != '-' ||
        s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':')
        return tl::unexpected<parse_errc>(parse_errc::malformed);

    std::size_t pos = 19;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        const std::size_t first = pos;
        while (pos < s.size() && detail::is_digit(s[pos])) ++pos;
        if (pos == first) return tl::unexpected<parse_errc>(parse_errc::malformed);
    }

    int offset = 0; // seconds east of UTC
    if (pos == s.size()) return tl::unexpected<parse_errc>(parse_errc::missing_offset);
    if (s[pos] == 'Z' || s[pos] == 'z') {
        if (pos + 1 != s.size()) return tl::unexpected<parse_errc>(parse_errc::malformed);
    } else if (s[pos] == '+' || s[pos] == '-') {
        const int oh = read_digits(s, pos + 1, 2);
        const int om = read_digits(s, pos + 4, 2);
        if (oh < 0 || om < 0 || s[pos + 3] != ':' || pos + 6 != s.size())
            return tl::unexpected<parse_errc>(parse_errc::malformed);
        if (oh > 23 || om > 59) return tl::unexpected<parse_errc>(parse_errc::invalid_offset);
        offset = (oh * 60 + om) * 60 * (s[pos] == '-' ? -1 : 1);
    } else {
        return tl::unexpected<parse_errc>(parse_errc::malformed);
    }

    const civil_date date{year, month, day};
    if (!is_valid_date(date)) return tl::unexpected<parse_errc>(parse_errc::invalid_date);
    if (hour > 23 || minute > 59 || second > 59)
        return tl::unexpected<parse_errc>(parse_errc::invalid_time);
    return days_from_civil(date) * seconds_per_day + hour * 3600 + minute * 60 + second - offset;
}

/// A moment as a person in Japan writes it (the command line's `support --at`): what
/// parse_instant() accepts, and also a time without an offset, taken as Japan time
/// (`2026-05-04T11:00:00`), without seconds (`2026-05-04T11:00`), with a space for the `T`
/// (`2026-05-04 11:00`), or a bare date (`2026-05-04`: 10:00 that day, when the desk opens).
/// parse_instant() itself stays strict for programs: a missing offset there is an error.
constexpr tl::expected<std::int64_t, parse_errc> parse_japan_time(std::string_view s) noexcept {
    using detail::read_digits;
    const auto bad = [](parse_errc e) { return tl::unexpected<parse_errc>(e); };
    const int year = read_digits(s, 0, 4);
    const int month = read_digits(s, 5, 2);
    const int day = read_digits(s, 8, 2);
    if (year < 0 || month < 0 || day < 0 || s[4] != '-' || s[7] != '-')
        return bad(parse_errc::malformed);
    const civil_date date{year, month, day};
    if (s.size() == 10) {
        if (!is_valid_date(date)) return bad(parse_errc::invalid_date);
        return from_jst(date, 10, 0, 0);
    }
    const char sep = s[10];
    const int hour = read_digits(s, 11, 2);
    const int minute = read_digits(s, 14, 2);
    if ((sep != 'T' && sep != 't' && sep != ' ') || hour < 0 || minute < 0 || s.size() < 16 ||
        s[13] != ':')
        return bad(parse_errc::malformed);
    int second = 0;
    std::size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        second = read_digits(s, 17, 2);
        if (second < 0) return bad(parse_errc::malformed);
        pos = 19;
        if (pos < s.size() && s[pos] == '.') {
            ++pos;
            const std::size_t first = pos;
            while (pos < s.size() && detail::is_digit(s[pos])) ++pos;
            if (pos == first) return bad(parse_errc::malformed);
        }
    }
    std::int64_t offset = jst_offset_seconds; // none given: Japan time
    if (pos < s.size()) {
        if (s[pos] == 'Z' || s[pos] == 'z') {
            if (pos + 1 != s.size()) return bad(parse_errc::malformed);
            offset = 0;
        } else if (s[pos] == '+' || s[pos] == '-') {
            const int oh = read_digits(s, pos + 1, 2);
            const int om = read_digits(s, pos + 4, 2);
            if (oh < 0 || om < 0 || s[pos + 3] != ':' || pos + 6 != s.size())
                return bad(parse_errc::malformed);
            if (oh > 23 || om > 59) return bad(parse_errc::invalid_offset);
            offset = (oh * 60 + om) * 60 * (s[pos] == '-' ? -1 : 1);
        } else {
            return bad(parse_errc::malformed);
        }
    }
    if (!is_valid_date(date)) return bad(parse_errc::invalid_date);
    if (hour > 23 || minute > 59 || second > 59) return bad(parse_errc::invalid_time);
    return days_from_civil(date) * seconds_per_day + hour * 3600 + minute * 60 + second - offset;
}

// --- the desk -----------------------------------------------------------------------------

/// A day of the year without the year (for the year-end break).
struct month_day {
    int month;
    int day;
};

/// Bit of a weekday in desk::closed_weekdays.
constexpr unsigned weekday_bit(weekday w) noexcept {
    return 1u << static_cast<unsigned>(w);
}

/// A support desk: contact details, hours and closed days.
struct desk {
    bitext name;              ///< the desk's name
    const char* email;        ///< inquiry mail address
    const char* phone;        ///< telephone number as written for people
    int opens_at;             ///< seconds after midnight, Japan time; open from here (inclusive)
    int closes_at;            ///< seconds after midnight, Japan time; closed from here
    unsigned closed_weekdays; ///< weekday_bit()s of the days closed every week
    bool closed_on_holidays;  ///< closed on national holidays, 振替休日 and 国民の休日
    bool has_year_end_break;  ///< closed from break_first to break_last every year
    month_day break_first;    ///< first closed day of the break (inclusive)
    month_day break_last;     ///< last closed day of the break (inclusive); may be in the
                              ///< following year (wraps when before break_first)
};

/// The MAMIS desk: 医師会会員情報システム運営事務局, inquiry (at) mamis.med.or.jp, 0120-110-030,
/// weekdays 10:00–18:00 Japan time, closed on Saturdays, Sundays, holidays and 12/29–1/3.
constexpr desk default_desk() noexcept {
    return desk{
        texts::desk_name,
        texts::desk_mail,
        texts::desk_phone,
        10 * 3600,
        18 * 3600,
        weekday_bit(weekday::saturday) | weekday_bit(weekday::sunday),
        true,
        true,
        month_day{12, 29},
        month_day{1, 3},
    };
}

/// Why the desk is open or closed at an instant.
enum class support_reason : unsigned char {
    open,        ///< open now
    after_hours, ///< an open day, but before opening or from closing time on
    weekend,     ///< a closed day of the week (Saturday or Sunday by default)
    holiday,     ///< a national holiday, 振替休日 or 国民の休日
    year_end,    ///< the year-end/New Year break
};

/// The wire name: "open", "after_hours", "weekend", "holiday", "year_end".
constexpr std::string_view to_string(support_reason r) noexcept {
    switch (r) {
    case support_reason::open:
        return "open";
    case support_reason::after_hours:
        return "after_hours";
    case support_reason::weekend:
        return "weekend";
    case support_reason::holiday:
        return "holiday";
    case support_reason::year_end:
        return "year_end";
    }
    return "open";
}

/// The reason for people: 受付中 / 受付時間外 / 土日 / 祝日 / 年末年始.
constexpr bitext label(support_reason r) noexcept {
    switch (r) {
    case support_reason::open:
        return texts::desk_open;
    case support_reason::after_hours:
        return texts::desk_after_hours;
    case support_reason::weekend:
        return texts::desk_weekend;
    case support_reason::holiday:
        return texts::desk_holiday;
    case support_reason::year_end:
        return texts::desk_year_end;
    }
    return {"", ""};
}

/// Why support_status refused.
enum class support_errc : unsigned char {
    out_of_range, ///< the instant, or the next opening, is outside 2000–2099 (Japan time)
    invalid_desk, ///< hours not 0 ≤ opens_at < closes_at ≤ 86400, every weekday closed, or a
                  ///< break day that is not a day of the year
};

/// The error's explanation for people.
constexpr bitext label(support_errc e) noexcept {
    switch (e) {
    case support_errc::out_of_range:
        return texts::desk_out_of_range;
    case support_errc::invalid_desk:
        return texts::desk_invalid;
    }
    return {"", ""};
}

/// The desk at an instant.
struct desk_status {
    bool open;                           ///< open at the instant
    support_reason reason;               ///< support_reason::open exactly when `open`
    std::optional<holiday_kind> holiday; ///< which holiday, only when reason is holiday
    std::int64_t next_open;              ///< the instant itself when open, else the next
                                         ///< opening time (always after the instant)

    /// The holiday's name when reason is holiday, else std::nullopt.
    constexpr std::optional<bitext> label() const noexcept {
        if (!holiday) return std::nullopt;
        return mamisguide::label(*holiday);
    }
};

namespace detail {

constexpr bool valid_month_day(month_day md) noexcept {
    // Any day that exists in some year, so 02-29 is allowed.
    return md.month >= 1 && md.month <= 12 && md.day >= 1 &&
           md.day <= days_in_month(2000, md.month);
}

constexpr bool valid_desk(const desk& d) noexcept {
    if (d.opens_at < 0 || d.opens_at >= d.closes_at || d.closes_at > seconds_per_day) return false;
    if ((d.closed_weekdays & 0x7Fu) == 0x7Fu) return false;
    if (d.has_year_end_break && (!valid_month_day(d.break_first) || !valid_month_day(d.break_last)))
        return false;
    return true;
}

constexpr bool in_break(const desk& d, civil_date date) noexcept {
    if (!d.has_year_end_break) return false;
    const int x = date.month * 100 + date.day;
    const int first = d.break_first.month * 100 + d.break_first.day;
    const int last = d.break_last.month * 100 + d.break_last.day;
    return first <= last ? (first <= x && x <= last) : (x >= first || x <= last);
}

/// Why a whole day is closed; support_reason::open when it is an open day.
struct day_verdict {
    support_reason reason;
    std::optional<holiday_kind> holiday;
};

/// The verdict for a valid date in 2000–2099; `holidays` must be that year's list.
constexpr day_verdict judge_day(const desk& d, civil_date date,
                                const holiday_list& holidays) noexcept {
    if (in_break(d, date)) return {support_reason::year_end, std::nullopt};
    if (d.closed_on_holidays)
        for (const holiday& h : holidays)
            if (h.date == date) return {support_reason::holiday, h.kind};
    if (d.closed_weekdays & weekday_bit(weekday_of(date)))
        return {support_reason::weekend, std::nullopt};
    return {support_reason::open, std::nullopt};
}

} // namespace detail

/// True when `date` falls in the desk's year-end/New Year break.
constexpr bool in_year_end_break(const desk& d, civil_date date) noexcept {
    return detail::in_break(d, date);
}

/// Whether the desk is open at `instant` (seconds since the Unix epoch), why, which holiday
/// closes it, and when it next opens. When open, next_open is `instant` itself; when closed,
/// it is `opens_at` on the same day (before opening time on an open day) or on the first open
/// day after. Precedence of reasons: year_end > holiday > weekend > after_hours.
/// Errors: support_errc::out_of_range when the instant's Japanese date, or the next opening,
/// is outside 2000–2099 (also when the desk never opens again before 2100);
/// support_errc::invalid_desk for inconsistent desk data.
constexpr tl::expected<desk_status, support_errc> support_status(const desk& d,
                                                                 std::int64_t instant) noexcept {
    if (!detail::valid_desk(d)) return tl::unexpected<support_errc>(support_errc::invalid_desk);
    const std::int64_t first = from_jst(civil_date{first_holiday_year, 1, 1}, 0);
    const std::int64_t end = from_jst(civil_date{last_holiday_year + 1, 1, 1}, 0);
    if (instant < first || instant >= end)
        return tl::unexpected<support_errc>(support_errc::out_of_range);

    const jst_time now = to_jst(instant);
    holiday_list holidays = *holidays_in(now.date.year);
    const detail::day_verdict today = detail::judge_day(d, now.date, holidays);

    desk_status out{false, today.reason, today.holiday, instant};
    if (today.reason == support_reason::open) {
        if (now.second_of_day < d.opens_at) {
            out.reason = support_reason::after_hours;
            out.next_open = from_jst(now.date, d.opens_at);
            return out;
        }
        if (now.second_of_day < d.closes_at) {
            out.open = true;
            return out;
        }
        out.reason = support_reason::after_hours;
    }

    // The first open day after today.
    int year = now.date.year;
    for (std::int64_t day = days_from_civil(now.date) + 1;; ++day) {
        const civil_date date = civil_from_days(day);
        if (date.year > last_holiday_year)
            return tl::unexpected<support_errc>(support_errc::out_of_range);
        if (date.year != year) {
            year = date.year;
            holidays = *holidays_in(year);
        }
        if (detail::judge_day(d, date, holidays).reason == support_reason::open) {
            out.next_open = from_jst(date, d.opens_at);
            return out;
        }
    }
}

/// support_status for the default desk.
constexpr tl::expected<desk_status, support_errc> support_status(std::int64_t instant) noexcept {
    return support_status(default_desk(), instant);
}

} // namespace mamisguide
