// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — text table: the support desk (rules.md §6) and the moments it is asked about.
//
// Used by the plan's STEP 1 (ask the desk), the `support` answers of every door and the end of
// every plan printed for a person. A wording fix is a change here and nowhere else.
#pragma once

#include "../text.hpp"

namespace mamisguide::texts {

// ---- who, where, when ------------------------------------------------------------------------
inline constexpr bitext desk_name{"医師会会員情報システム運営事務局",
                                  "MAMIS support desk (医師会会員情報システム運営事務局)"};
inline constexpr const char* desk_mail = "inquiry@mamis.med.or.jp";
inline constexpr const char* desk_phone = "0120-110-030";
inline constexpr bitext desk_hours{
    "平日 10:00～18:00（土・日・祝日、年末年始は対応外）",
    "Weekdays 10:00–18:00 Japan time (closed on Saturdays, Sundays, national holidays and the "
    "year-end/new-year break)"};

// ---- labels of the contact lines ----------------------------------------------------------------
inline constexpr bitext desk_phone_label{"電話", "Phone"};
inline constexpr bitext desk_mail_label{"メール", "Mail"};
inline constexpr bitext desk_hours_label{"受付時間", "Hours"};

// ---- open or closed, and why (support_reason) ----------------------------------------------
inline constexpr bitext desk_open{"受付中", "open"};
inline constexpr bitext desk_closed{"受付していません", "closed"};
inline constexpr bitext desk_after_hours{"受付時間外", "outside hours"};
inline constexpr bitext desk_weekend{"土日", "weekend"};
inline constexpr bitext desk_holiday{"祝日", "national holiday"};
inline constexpr bitext desk_year_end{"年末年始", "year-end and New Year holidays"};

// ---- refusals of a moment or a desk (support_errc, parse_errc) -------------------------------
inline constexpr bitext desk_out_of_range{"2000年から2099年までの日時のみ対応しています",
                                          "only dates from 2000 to 2099 are supported"};
inline constexpr bitext desk_invalid{"窓口の設定が正しくありません",
                                     "invalid support desk settings"};
inline constexpr bitext time_malformed{
    "日時の形式が正しくありません（例: 2026-12-30T11:00:00+09:00）",
    "malformed date and time (e.g. 2026-12-30T11:00:00+09:00)"};
inline constexpr bitext time_invalid_date{"存在しない日付です", "no such date"};
inline constexpr bitext time_invalid_time{"存在しない時刻です", "no such time of day"};
inline constexpr bitext time_missing_offset{"時差（Z や +09:00）が指定されていません",
                                            "the UTC offset (Z or +09:00) is missing"};
inline constexpr bitext time_invalid_offset{"時差が正しくありません", "invalid UTC offset"};

} // namespace mamisguide::texts
