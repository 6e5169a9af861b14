# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Test support (Python twin of excel_files.hpp): files as Japanese offices make them.

A municipal master of 890 rows with a Japanese header, extra columns (phone, address),
prefectures written every way (13, 1 for 01, full-width digits, 東京都, 東京), padded values,
CRLF; converted to CP932 with the iconv command (glibc's tables), as Excel on Japanese Windows
saves CSV — never written by hand.
"""

import subprocess

PREF_NAMES = [
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
    "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
    "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
    "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
]
WIDE = str.maketrans("0123456789-m", "０１２３４５６７８９－ｍ")


def to_cp932(text):
    """`text` (str) as CP932 bytes, converted by iconv(1)."""
    p = subprocess.run(["iconv", "-f", "UTF-8", "-t", "CP932"], input=text.encode("utf-8"),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True, timeout=60)
    return p.stdout


def code(i):
    """The code of row i (as both files store it after folding and trimming)."""
    return "%d-m%d" % (i % 47 + 1, i)


def master_text(rows=890):
    """The master as text (str), CRLF line ends."""
    out = ["医師会コード,医師会名,電話番号,都道府県コード,住所,英文名称\r\n"]
    for i in range(rows):
        n = i % 47 + 1
        pref = [str(n), "%02d" % n, str(n).translate(WIDE), PREF_NAMES[n - 1],
                PREF_NAMES[n - 1] if n == 1 else PREF_NAMES[n - 1][:-1]][i % 5]
        c = code(i)
        if i % 100 == 0:
            c = c.translate(WIDE)
        if i % 7 == 0:
            c = " " + c + "\u3000"
        name_en = "District %d Medical Association" % i if i % 3 else ""
        out.append('%s,第%d地区医師会\u3000,03-1234-%d,%s,"%s一丁目, %d番",%s\r\n'
                   % (c, i, i, pref, PREF_NAMES[n - 1], i, name_en))
    return "".join(out)
