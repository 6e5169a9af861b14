#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""Writes the fuzzers' seed corpus, tests/fuzz/corpus/<target>/ (run it again after editing).

plan_json and batch_line: valid requests for every operation, the contract's example, one
request per refusal code, and malformed ones of every kind. master and categories: valid and
broken CSV files. The files are committed; the replay tests (ctest -L fuzz) run them all.
"""
import json
import pathlib
import shutil
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE / "corpus"


def req(member=None, lang=None, **request):
    r = {}
    if member is not None:
        r["member"] = member
    r["request"] = request
    if lang is not None:
        r["lang"] = lang
    return json.dumps(r, ensure_ascii=False)


ALL = ["municipal", "prefectural", "national"]
CHIYODA = {"mypage": "yes", "municipal": "13-chiyoda", "levels": ALL,
           "categories": {"municipal": "A", "prefectural": "A", "national": "A1"}}
TWO = {"municipal": "13-chiyoda", "levels": ["municipal", "prefectural"],
       "categories": {"municipal": "A", "prefectural": "B"}}
ONE = {"municipal": "13-shinjuku", "levels": ["municipal"]}

CONTRACT_EXAMPLE = """{
  "member": {
    "mypage": "yes",
    "municipal": "13-chiyoda",
    "levels": ["municipal", "prefectural", "national"],
    "categories": {"national": "A2B"}
  },
  "request": {
    "operation": "withdraw",
    "levels": ["national"],
    "municipal": null,
    "categories": {},
    "reason": null,
    "cascade": false,
    "proxy": false
  },
  "lang": "ja"
}"""

CONTRACT_PLAN = """{"ok": true, "operation": "withdraw", "form": "withdrawal", "form_label": "退会届",
 "selection": null, "checked": [{"level": "national", "code": "00", "name": "日本医師会"}],
 "categories": {}, "prerequisites": [], "steps": ["マイページにログイン"], "manual": "MAMIS",
 "actor": "member", "result": {"municipal": "13-chiyoda", "prefectural": "13",
 "levels": ["municipal", "prefectural"]}, "notes": [], "rule": "withdraw.top_of_chain"}"""

CONTRACT_REFUSAL = """{"ok": false, "error": {"code": "illegal_levels",
 "message": "郡市区医師会を退会する場合は、都道府県医師会と日本医師会も退会する必要があります。",
 "suggestion": {"operation": "withdraw", "levels": ["municipal", "prefectural", "national"]}}}"""

VALID = {
    # every operation, both languages, proxy, the MyPage answers
    "join-new": req(None, None, operation="join", municipal="13-chiyoda", levels=ALL,
                    categories={"municipal": "A", "prefectural": "A", "national": "A1"}),
    "join-municipal-en": req({"mypage": "no"}, "en", operation="join", municipal="14-yokohama",
                             levels=["municipal"], categories={"municipal": "A"}),
    "join-mypage-unknown-proxy": req({"mypage": "unknown"}, None, operation="join",
                                     municipal="01-sapporo", levels=["municipal", "prefectural"],
                                     categories={"municipal": "A", "prefectural": "A"}, proxy=True),
    "additional-join": req(TWO, None, operation="additional_join", levels=["national"],
                           categories={"national": "A2B"}),
    "additional-join-two": req(ONE, "en", operation="additional_join",
                               levels=["prefectural", "national"],
                               categories={"prefectural": "A", "national": "B"}),
    "change-category": req(CHIYODA, None, operation="change_category",
                           categories={"national": "A2C"}),
    "change-category-levels": req(CHIYODA, "en", operation="change_category", levels=["municipal"],
                                  categories={"municipal": "B"}),
    "change-facility": req(CHIYODA, None, operation="change_facility", reason="施設変更"),
    "transfer-same-prefecture": req(CHIYODA, None, operation="transfer", municipal="13-shinjuku",
                                    categories={"municipal": "A"}, reason="転居"),
    "transfer-other-prefecture": req(TWO, "en", operation="transfer", municipal="28-kobe",
                                     categories={"municipal": "A", "prefectural": "A"}),
    "withdraw-top": req(CHIYODA, None, operation="withdraw", levels=["national"]),
    "withdraw-all-proxy": req(CHIYODA, "en", operation="withdraw", levels=ALL, proxy=True),
    "withdraw-cascade": req(CHIYODA, None, operation="withdraw", levels=["municipal"], cascade=True),
    "contract-example": CONTRACT_EXAMPLE,
    # one request per refusal code
    "refuse-unknown-association": req(None, None, operation="join", municipal="99-nowhere",
                                      levels=["municipal"], categories={"municipal": "A"}),
    "refuse-level-mismatch": req(None, None, operation="join", municipal="13", levels=["municipal"],
                                 categories={"municipal": "A"}),
    "refuse-invalid-state": req({"municipal": "13-chiyoda", "levels": ["prefectural"]}, None,
                                operation="withdraw", levels=["prefectural"]),
    "refuse-not-a-member": req(None, None, operation="withdraw", levels=["national"]),
    "refuse-already-member": req(TWO, None, operation="join", municipal="13-chiyoda",
                                 levels=["municipal"], categories={"municipal": "A"}),
    "refuse-level-not-held": req(TWO, None, operation="withdraw", levels=["national"]),
    "refuse-level-already-held": req(TWO, None, operation="additional_join", levels=["prefectural"],
                                     categories={"prefectural": "A"}),
    "refuse-illegal-levels": req(CHIYODA, None, operation="withdraw", levels=["municipal"]),
    "refuse-same-association": req(CHIYODA, None, operation="transfer", municipal="13-chiyoda"),
    "refuse-category-required": req(None, None, operation="join", municipal="13-chiyoda",
                                    levels=["municipal"]),
    "refuse-unknown-category": req(None, "en", operation="join", municipal="13-chiyoda",
                                   levels=ALL, categories={"municipal": "Z", "prefectural": "A",
                                                           "national": "ZZ"}),
    "refuse-category-unchanged": req(CHIYODA, None, operation="change_category",
                                     categories={"national": "A1"}),
    "refuse-join-skip": req(None, None, operation="join", municipal="13-chiyoda",
                            levels=["municipal", "national"],
                            categories={"municipal": "A", "national": "A1"}),
}

BAD = {
    "empty": "",
    "spaces": " \t\r\n ",
    "truncated": '{"request": {"operation": "withdraw", "levels": ["national"]',
    "truncated-string": '{"request": {"operation": "withd',
    "not-object-array": '[{"request": {"operation": "join"}}]',
    "not-object-string": '"join"',
    "not-object-number": "42",
    "null": "null",
    "trailing-garbage": '{"request": {"operation": "withdraw"}} x',
    "two-documents": '{"request": {"operation": "withdraw"}}{"request": {"operation": "join"}}',
    "no-request": '{"member": {"mypage": "yes"}}',
    "no-operation": '{"request": {}}',
    "null-request": '{"request": null}',
    "unknown-operation": '{"request": {"operation": "fly"}, "lang": "en"}',
    "unknown-level": '{"request": {"operation": "withdraw", "levels": ["world"]}}',
    "repeated-level": '{"request": {"operation": "withdraw", "levels": ["national", "national"]}}',
    "unknown-field": '{"request": {"operation": "withdraw", "levles": ["national"]}}',
    "unknown-top-field": '{"request": {"operation": "withdraw"}, "extra": 1}',
    "duplicate-key": '{"request": {"operation": "join", "operation": "withdraw"}}',
    "wrong-types": '{"member": {"mypage": true, "levels": "all"}, "request": {"operation": 1}}',
    "wrong-type-cascade": '{"request": {"operation": "withdraw", "cascade": "yes", "proxy": 1}}',
    "lang-unknown": '{"request": {"operation": "join"}, "lang": "fr"}',
    "huge-integer": '{"request": {"operation": "join", "reason": 123456789012345678901234567890}}',
    "huge-exponent": '{"request": {"operation": "join", "reason": 1e999}}',
    "escaped-nul": '{"request": {"operation": "join", "municipal": "13\\u0000x", "levels": '
                   '["municipal"], "categories": {"municipal": "A"}}}',
    "lone-surrogate": '{"request": {"operation": "join", "reason": "\\ud800"}}',
    "escapes": '{"request": {"operation": "change_facility", "reason": "\\"\\\\\\/\\b\\f\\n\\r\\t'
               '\\u2028\\ud83d\\ude00"}, "member": {"municipal": "13-chiyoda", "levels": ["municipal"]}}',
    "deep-nesting": '{"request": ' + "[" * 40 + "]" * 40 + "}",
    "deep-nesting-ok": '{"request": {"operation": "join", "categories": {"municipal": ' + "[" * 5
                       + "]" * 5 + "}}}",
    "contract-plan-response": CONTRACT_PLAN,
    "contract-refusal-response": CONTRACT_REFUSAL,
}

BAD_BYTES = {
    "invalid-utf8": b'{"request": {"operation": "\xff\xfe"}}',
    "surrogate-utf8": b'{"request": {"operation": "\xed\xa0\x80"}}',
    "overlong-utf8": b'{"request": {"operation": "\xc0\xaf"}}',
    "raw-nul": b'{"request": {"operation": "jo\x00in"}}',
    "nul-after": b'{"request": {"operation": "withdraw"}}\x00',
    "control-char": b'{"request": {"operation": "a\tb"}}',
    "bom": b'\xef\xbb\xbf{"request": {"operation": "withdraw"}}',
    "huge-string": b'{"request": {"operation": "change_facility", "reason": "'
                   + "理由".encode() * 2000 + b'"}, "member": {"municipal": "13-chiyoda", '
                   b'"levels": ["municipal"]}}',
}

MASTER_OK = {
    "sample": (HERE.parent.parent / "data" / "sample-municipal.csv").read_bytes(),
    "three-columns": "code,name,prefecture\n13-shinjuku,新宿区医師会,13\n",
    "bom-crlf": "\ufeffcode,name,prefecture,name_en\r\n14-yokohama,横浜市医師会,14,Yokohama\r\n",
    "quoted": 'code,name,prefecture,name_en\n"27-osaka","大阪市医師会, ""本会""",27,"Osaka, City"\n',
    "comments-blank-lines": "# a comment\n# another\ncode,name,prefecture\n\n01-sapporo,札幌市医師会,01\n\n",
    "no-final-newline": "code,name,prefecture\n40-fukuoka,福岡市医師会,40",
    "header-only": "code,name,prefecture,name_en\n",
    "escapes-in-name": 'code,name,prefecture\n"13-q",医師会\\"\'</script>,13\n',
}

MASTER_BAD = {
    "empty": "",
    "comments-only": "# nothing\n",
    "bad-header": "code,name\n13-x,x,13\n",
    "unterminated-quote": 'code,name,prefecture\n13-x,"千代田,13\n',
    "quote-in-field": 'code,name,prefecture\n13-x,a"b,13\n',
    "column-count": "code,name,prefecture\n13-x,x\n",
    "column-count-4": "code,name,prefecture\n13-x,x,13,extra\n",
    "empty-code": "code,name,prefecture\n,x,13\n",
    "empty-name": "code,name,prefecture\n13-x,,13\n",
    "empty-prefecture": "code,name,prefecture\n13-x,x,\n",
    "space-in-code": "code,name,prefecture\n13 x,x,13\n",
    "ideographic-space-in-code": "code,name,prefecture\n13\u3000x,x,13\n",
    "control-in-name": 'code,name,prefecture\n13-x,"a\tb",13\n',
    "newline-in-name": 'code,name,prefecture\n13-x,"a\nb",13\n',
    "long-code": "code,name,prefecture\n" + "x" * 65 + ",x,13\n",
    "long-name": "code,name,prefecture\n13-x," + "名" * 200 + ",13\n",
    "unknown-prefecture": "code,name,prefecture\n13-x,x,48\n",
    "national-as-parent": "code,name,prefecture\n13-x,x,00\n",
    "municipal-as-parent": "code,name,prefecture\n13-x,x,13\n13-y,y,13-x\n",
    "duplicate-in-file": "code,name,prefecture\n13-x,x,13\n13-y,y,13\n13-x,z,13\n",
    "duplicate-loaded-before": "code,name,prefecture\n13-chiyoda,千代田区医師会,13\n",
    "duplicate-builtin": "code,name,prefecture\n13,東京都医師会,13\n",
    "error-on-line-5": "# c\ncode,name,prefecture\n13-a,a,13\n\n13-b,b,99\n",
}

MASTER_BAD_BYTES = {
    "invalid-utf8": b"code,name,prefecture\n13-x,\xff\xfe,13\n",
    "nul-byte": b"code,name,prefecture\n13-x,a\x00b,13\n",
    "cr-only": b"code,name,prefecture\r13-x,x,13\r",
    # not text at all (not_text): what a person may pick instead of the CSV
    "png-picture": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "xlsx-workbook": b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml",
    "utf16-unicode-text": "\ufeffcode\tname\tprefecture\r\n13-x\tx\t13\r\n".encode("utf-16-le"),
}

CATEGORIES_OK = {
    "sample": (HERE.parent.parent / "data" / "sample-categories.csv").read_bytes(),
    "municipal": "association,code,label\n13-chiyoda,A,A会員\n13-chiyoda,B,\"B会員, \"\"特別\"\"\"\n",
    "prefectural-and-municipal": "association,code,label\n14,A,A会員\n14-yokohama,X,X会員\n",
    "bom-crlf": "\ufeffassociation,code,label\r\n01-sapporo,A,A会員\r\n",
    "header-only": "association,code,label\n",
}

CATEGORIES_BAD = {
    "empty": "",
    "bad-header": "association,code\n13,A\n",
    "unknown-association": "association,code,label\n99-nowhere,A,A\n",
    "builtin-jma": "association,code,label\n00,A1,A1\n",
    "catalogue-exists": "association,code,label\n13-shinjuku,C,C会員\n",
    "duplicate-code": "association,code,label\n13,A,A\n13,A,B\n",
    "empty-label": "association,code,label\n13,A,\n",
    "empty-code": "association,code,label\n13,,A\n",
    "space-in-code": "association,code,label\n13,A B,A\n",
    "column-count": "association,code,label\n13,A\n",
    "unterminated-quote": 'association,code,label\n13,A,"A会員\n',
    "error-on-line-4": "association,code,label\n13,A,A\n13,B,B\n13,C\n",
}

CATEGORIES_BAD_BYTES = {
    "invalid-utf8": b"association,code,label\n13,A,\xe7\x94\xb2\xc3\x28\n",
    "nul-byte": b"association,code,label\n13,A\x00,A\n",
}


def cp932(text):
    """`text` in CP932, as Excel on Japanese Windows saves CSV: converted by iconv(1)."""
    return subprocess.run(["iconv", "-f", "UTF-8", "-t", "CP932"], input=text.encode(),
                          stdout=subprocess.PIPE, check=True).stdout


BOM = b"\xef\xbb\xbf"

# Files as Japanese offices make them: CP932 and BOMs, Japanese headers in any order, extra
# columns, prefectures and codes as people type them, Excel's blank rows and padding.
MASTER_EXCEL_OK = {
    "cp932-japanese-header": lambda: cp932("医師会コード,医師会名,電話番号,都道府県コード,住所\r\n"
                                           "13-x,甲医師会,03-0000,13,千代田\r\n01-y,乙医師会,011,1,札幌\r\n"),
    "cp932-prefecture-names": lambda: cp932("コード,名称,都道府県,英語名\r\n13-x,甲,東京都,Ko\r\n"
                                            "26-y,乙,京都,\r\n01-z,丙,北海道,\r\n,,,\r\n"),
    "bom-japanese-fullwidth": lambda: BOM + "名称,コード,都道府県\r\n甲医師会\u3000,１３－ｘ,１３\r\n".encode(),
    "header-order": lambda: b"name,code,prefecture\n",
    "case-and-padding": lambda: b" Code ,NAME,Prefecture,,\r\n 13-x ,x,01,,\r\n",
    "cp932-katakana-halfwidth": lambda: cp932("コード,名称,都道府県\n13-x,ｶﾀｶﾅ医師会,13\n"),
    "truncated-utf8-reads-as-cp932": lambda: b"code,name,prefecture\n13-x,\xe5\x8c,13\n",
    # Issue 32: what CP932 has and Shift_JIS has not, as Windows writes it — ～ (0x8160) and
    # － (0x817C) as U+FF5E and U+FF0D, ① (0x8740, NEC row 13), 﨑 (0xFAB1) and 髙 (0xFBFC, IBM
    # extensions). tests/capi/test_files_capi.cpp checks the names it decodes to; the same file
    # is for comparing the WebAssembly package and the Windows DLL with the native library.
    "cp932-windows-characters": lambda: cp932(
        "医師会コード,医師会名,都道府県\r\n13-takashima,髙島平医師会,東京都\r\n"
        "14-kawasaki,川﨑医師会,14\r\n13-daiichi,第①地区医師会,13\r\n"
        "13-chome,一丁目～三丁目医師会,13\r\n１３－ｔｏｚａｉ,東－西医師会,13\r\n"),
}

MASTER_EXCEL_BAD = {
    "cp932-duplicate-line-4": lambda: cp932("# 出典\r\nコード,名称,都道府県\r\n13-x,甲,13\r\n１３－ｘ,乙,13\r\n"),
    "cp932-unknown-prefecture-name": lambda: cp932("コード,名称,都道府県\n13-x,甲,東京府\n"),
    "cp932-open-quote": lambda: cp932('コード,名称,都道府県\n13-x,"甲,13\n'),
    "cp932-short-row": lambda: cp932("コード,名称,都道府県\n13-x,甲\n"),
    "cp932-missing-column": lambda: cp932("コード,名称,電話\n13-x,甲,03\n"),
    "cp932-then-not-cp932": lambda: cp932("コード,名称,都道府県\n13-x,甲,13\n") + b"13-y,\x80,13\n",
    "bom-then-cp932": lambda: BOM + cp932("コード,名称,都道府県\n13-x,甲,13\n"),
    "column-twice": lambda: "code,name,prefecture,医師会コード\n".encode(),
    "fullwidth-space-code": lambda: "code,name,prefecture\n\u3000,甲,13\n".encode(),
}

CATEGORIES_EXCEL_OK = {
    "cp932-japanese-header": lambda: cp932("医師会コード,区分コード,区分名,備考\r\n13-chiyoda,S,特別会員,x\r\n"),
    "cp932-any-order": lambda: cp932("会員区分,会員区分コード,医師会コード\r\nA会員,Ａ,１４\r\n"),
    "bom-fullwidth": lambda: BOM + "association,code,label\r\n１３－ｓｈｉｎｊｕｋｕ,Ｃ ,C会員\r\n".encode(),
}

CATEGORIES_EXCEL_BAD = {
    "cp932-missing-column": lambda: cp932("医師会コード,区分名\n13,甲\n"),
    "cp932-duplicate-folded": lambda: cp932("医師会コード,区分コード,区分名\n13,A,甲\n13,Ａ,乙\n"),
    "cp932-short-row": lambda: cp932("医師会コード,区分コード,区分名\n13,A\n"),
    "cp932-then-not-cp932": lambda: cp932("医師会コード,区分コード,区分名\n") + b"13,A,\xfd\n",
}


def write(target, name, data):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    (d / name).write_bytes(data)


def main():
    for t in ("plan_json", "batch_line", "categories"):
        shutil.rmtree(CORPUS / t, ignore_errors=True)
    for f in (CORPUS / "master").glob("*.csv"):  # the JSON masters' seeds are not made here
        f.unlink()
    for prefix, table in (("ok", VALID), ("bad", BAD), ("bad", BAD_BYTES)):
        for name, text in table.items():
            write("plan_json", f"{prefix}-{name}.json", text)
            write("batch_line", f"{prefix}-{name}.jsonl", text)
    write("batch_line", "bad-blank-line.jsonl", "")
    write("batch_line", "ok-crlf.jsonl", VALID["withdraw-top"] + "\r")
    for prefix, table in (("ok", MASTER_OK), ("bad", MASTER_BAD), ("bad", MASTER_BAD_BYTES)):
        for name, text in table.items():
            write("master", f"{prefix}-{name}.csv", text)
    for prefix, table in (("ok", CATEGORIES_OK), ("bad", CATEGORIES_BAD), ("bad", CATEGORIES_BAD_BYTES)):
        for name, text in table.items():
            write("categories", f"{prefix}-{name}.csv", text)
    for target, prefix, table in (("master", "ok-excel", MASTER_EXCEL_OK),
                                  ("master", "bad-excel", MASTER_EXCEL_BAD),
                                  ("categories", "ok-excel", CATEGORIES_EXCEL_OK),
                                  ("categories", "bad-excel", CATEGORIES_EXCEL_BAD)):
        for name, make in table.items():
            write(target, f"{prefix}-{name}.csv", make())


if __name__ == "__main__":
    main()
