// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Test support: files as Japanese offices make them. A municipal master of 890 rows with a
// Japanese header, extra columns (phone, address) in between, prefectures written every way
// Excel users write them, and values padded with spaces; converted to CP932 with glibc's
// iconv(3), as Excel on Japanese Windows saves CSV (never written by hand); on Windows (the
// cross-built tests under wine, tests/windows/) with Windows' own converter, as Excel itself.
#pragma once

#ifdef _WIN32
#include <windows.h>
#else
#include <iconv.h>
#endif

#include <stdexcept>
#include <string>
#include <vector>

namespace mgtest {

#ifdef _WIN32
/// `utf8` converted to CP932 by Windows (WideCharToMultiByte, code page 932); throws if a
/// character has no CP932 form.
inline std::string to_cp932(const std::string& utf8) {
    const int n = static_cast<int>(utf8.size());
    if (n == 0) return {};
    std::wstring wide(utf8.size(), L'\0');
    const int w =
        MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, utf8.data(), n, wide.data(), n);
    if (w <= 0) throw std::runtime_error("not UTF-8");
    std::string out(utf8.size() * 2 + 16, '\0');
    BOOL lost = FALSE;
    const int m = WideCharToMultiByte(932, WC_NO_BEST_FIT_CHARS, wide.data(), w, out.data(),
                                      static_cast<int>(out.size()), nullptr, &lost);
    if (m <= 0 || lost) throw std::runtime_error("not convertible to CP932");
    out.resize(static_cast<std::size_t>(m));
    return out;
}
#else
/// `utf8` converted to CP932 with iconv(3); throws if a character has no CP932 form.
inline std::string to_cp932(const std::string& utf8) {
    iconv_t cd = ::iconv_open("CP932", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv_open CP932");
    std::string out(utf8.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* o = out.data();
    std::size_t o_left = out.size();
    const std::size_t rc = ::iconv(cd, &in, &in_left, &o, &o_left);
    ::iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1)) throw std::runtime_error("not convertible to CP932");
    out.resize(out.size() - o_left);
    return out;
}
#endif

/// The code of row `i` of the generated master (what its UTF-8 and CP932 forms both hold).
inline std::string excel_code(std::size_t i) {
    return std::to_string(i % 47 + 1) + "-m" + std::to_string(i);
}

/// The 890-row master, UTF-8, CRLF line ends as Excel writes them, with `comment` lines
/// first. Prefecture n is written as "n" (no leading zero), "0n"/"nn", full-width digits,
/// the name (東京都) or the short name (東京), in turn; codes and names padded with ASCII and
/// ideographic spaces; every 100th code in full-width letters and digits.
inline std::string excel_master_utf8(std::size_t rows = 890) {
    static const char* const pref_names[] = {
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県",   "福島県", "茨城県",
        "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県",
        "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県",   "愛知県", "三重県",
        "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県",
        "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県",   "高知県", "福岡県",
        "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"};
    static const char* const fullwidth_digits[] = {"０", "１", "２", "３", "４",
                                                   "５", "６", "７", "８", "９"};
    std::string s = "医師会コード,医師会名,電話番号,都道府県コード,住所,英文名称\r\n";
    for (std::size_t i = 0; i < rows; ++i) {
        const unsigned n = static_cast<unsigned>(i % 47 + 1);
        std::string pref;
        switch (i % 5) {
        case 0:
            pref = std::to_string(n);
            break;
        case 1:
            pref = (n < 10 ? "0" : "") + std::to_string(n);
            break;
        case 2:
            if (n >= 10) pref = fullwidth_digits[n / 10];
            pref += fullwidth_digits[n % 10];
            break;
        case 3:
            pref = pref_names[n - 1];
            break;
        default: {
            std::string name = pref_names[n - 1];
            if (n != 1) name.resize(name.size() - 3); // 都, 府, 県 are three bytes each
            pref = name;
        }
        }
        std::string code = excel_code(i);
        if (i % 100 == 0) { // full-width, as typed in Japanese input mode
            std::string wide;
            for (char c : code) {
                if (c >= '0' && c <= '9')
                    wide += fullwidth_digits[c - '0'];
                else if (c == '-')
                    wide += "－";
                else if (c == 'm')
                    wide += "ｍ";
            }
            code = wide;
        }
        if (i % 7 == 0) code = " " + code + "\u3000";
        s += code + ",第" + std::to_string(i) + "地区医師会　," + "03-1234-" + std::to_string(i) +
             "," + pref + ",\"" + pref_names[n - 1] + "一丁目, " + std::to_string(i) + "番\"," +
             (i % 3 ? "District " + std::to_string(i) + " Medical Association" : "") + "\r\n";
    }
    return s;
}

} // namespace mgtest
