// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The table of docs/hardening.md, checked: each class of bad input, through the C ABI, gets the
// answer the table says (status, code, message, field). Prints every row as it checks it; exits
// non-zero on the first row that differs. Run by ctest as `hardening_inputs` (label fuzz).
#include "fuzz_check.hpp"

#include <mamisguide.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

int failures = 0;

void report(bool ok, const std::string& what, const std::string& got) {
    std::printf("%s %-44s %s\n", ok ? "ok  " : "FAIL", what.c_str(), got.c_str());
    if (!ok) ++failures;
}

mg_engine* engine() {
    static mg_engine* e = [] {
        mg_engine* x = nullptr;
        if (mg_engine_new(&x) != MG_OK || mg_engine_load_directory(x, MG_SAMPLE_MASTER) != MG_OK ||
            mg_engine_load_categories(x, MG_SAMPLE_CATEGORIES) != MG_OK)
            mgfuzz::fail("engine", mg_last_error());
        return x;
    }();
    return e;
}

/// One JSON row: the bytes, and the status, code, message and field expected ("" = absent).
void json_row(const std::string& what, const std::string& bytes, int status, const char* code,
              const std::string& message, const char* field = "") {
    char* out = nullptr;
    const int st = mg_plan_json(engine(), bytes.data(), bytes.size(), &out);
    if (!out) return report(false, what, "NULL response");
    const std::string text = out;
    mg_free(out);
    const mgfuzz::json r = mgfuzz::check_response(text, st);
    std::string got = std::to_string(st);
    bool ok = st == status;
    if (r["ok"] == true) {
        got += " ok:true";
        ok = ok && std::strcmp(code, "ok") == 0;
    } else {
        const auto& e = r["error"];
        const std::string c = e["code"], m = e["message"], f = e.value("field", "");
        got += " " + c + " \"" + m + "\"" + (f.empty() ? "" : " field=" + f);
        ok = ok && c == code && m == message && f == field;
    }
    report(ok, what, got);
}

/// A change_facility request whose reason makes it exactly `size` bytes long.
std::string request_of_size(std::size_t size) {
    const std::string head =
        R"({"member": {"municipal": "13-chiyoda", "levels": ["municipal"]}, "lang": "en", )"
        R"("request": {"operation": "change_facility", "reason": ")";
    const std::string tail = "\"}}";
    return head + std::string(size - head.size() - tail.size(), 'x') + tail;
}

// JSON that does not parse: where (line and column, at the offending token), when nlohmann/json
// finds it too (not for a NUL after the document or a number too big for simdjson).
constexpr const char* syntax = "JSON として正しくありません。";
std::string syntax_at(int line, int column) {
    return "JSON として正しくありません（" + std::to_string(line) + " 行 " +
           std::to_string(column) + " 文字目）。";
}
std::string utf8_at(int column) {
    return "UTF-8 として正しくないバイト列があります（1 行 " + std::to_string(column) +
           " 文字目）。";
}

} // namespace

int main() {
    // ---- malformed and truncated JSON
    json_row("malformed: {not json", "{not json", 1, "invalid_request", syntax_at(1, 2));
    json_row("malformed: trailing garbage", R"({"request": {"operation": "withdraw"}} x)", 1,
             "invalid_request", syntax_at(1, 40));
    json_row("malformed: two documents", R"({"request": {"operation": "withdraw"}}{})", 1,
             "invalid_request", syntax_at(1, 39));
    json_row("truncated: {\"request\": {\"operation\": \"withd",
             R"({"request": {"operation": "withd)", 1, "invalid_request", syntax_at(1, 28));
    json_row("truncated: missing closing braces", R"({"request": {"operation": "withdraw")", 1,
             "invalid_request", syntax_at(1, 27));
    json_row("empty (0 bytes)", "", 1, "invalid_request", "リクエストが空です。");
    json_row("whitespace only", " \t\r\n", 1, "invalid_request", "リクエストが空です。");
    json_row("not an object: [..]", R"([{"request": {"operation": "join"}}])", 1, "invalid_request",
             "リクエストは JSON オブジェクトである必要があります。");
    // ---- invalid UTF-8
    json_row("invalid UTF-8: \\xff\\xfe", "{\"request\": {\"operation\": \"\xff\xfe\"}}", 1,
             "invalid_request", utf8_at(28));
    json_row("invalid UTF-8: overlong \\xc0\\xaf", "{\"request\": {\"operation\": \"\xc0\xaf\"}}",
             1, "invalid_request", utf8_at(28));
    json_row("invalid UTF-8: surrogate \\xed\\xa0\\x80",
             "{\"request\": {\"operation\": \"\xed\xa0\x80\"}}", 1, "invalid_request", utf8_at(28));
    json_row("invalid UTF-8: truncated sequence \\xe5\\x8c",
             "{\"request\": {\"operation\": \"\xe5\x8c\"}}", 1, "invalid_request", utf8_at(28));
    json_row("escaped lone surrogate \\ud800",
             R"({"request": {"operation": "join", "reason": "\ud800"}})", 1, "invalid_request",
             syntax_at(1, 45));
    // ---- NUL bytes
    json_row("raw NUL inside a string",
             std::string("{\"request\": {\"operation\": \"jo\0in\"}}", 35), 1, "invalid_request",
             syntax_at(1, 30));
    json_row("raw NUL after the document",
             std::string("{\"request\": {\"operation\": \"withdraw\"}}\0", 39), 1,
             "invalid_request", syntax);
    json_row(
        "escaped \\u0000 in a code",
        R"({"request": {"operation": "join", "municipal": "13-chiyoda\u0000x", "levels": ["municipal"], "categories": {"municipal": "A"}}, "lang": "en"})",
        2, "unknown_association",
        "The association code \"13-chiyoda?x\" is not in the directory.", // NUL shown as ?
        "request.municipal");
    // ---- deep nesting
    json_row("nesting 33 deep",
             "{\"request\": " + std::string(32, '[') + std::string(32, ']') + "}", 1,
             "invalid_request", "JSON の入れ子が深すぎます。");
    json_row("nesting 32 deep (wrong type)",
             "{\"request\": " + std::string(31, '[') + std::string(31, ']') + ", \"lang\": \"en\"}",
             1, "invalid_request", "A field has the wrong type. (request)", "request");
    json_row("nesting 100000 deep", std::string(100000, '[') + std::string(100000, ']'), 1,
             "invalid_request", "JSON の入れ子が深すぎます。");
    // ---- huge numbers
    json_row(
        "huge integer 10^30 as reason",
        R"({"request": {"operation": "join", "reason": 123456789012345678901234567890}, "lang": "en"})",
        1, "invalid_request", syntax);
    json_row("huge exponent 1e999 as reason",
             R"({"request": {"operation": "join", "reason": 1e999}, "lang": "en"})", 1,
             "invalid_request", syntax_at(1, 45));
    json_row("number where a bool goes (cascade: 1)",
             R"({"request": {"operation": "withdraw", "cascade": 1}, "lang": "en"})", 1,
             "invalid_request", "A field has the wrong type. (request.cascade)", "request.cascade");
    // ---- huge strings and requests
    const std::size_t mib = std::size_t(1) << 20;
    json_row("request of exactly 1 MiB (long reason)", request_of_size(mib), 0, "ok", "");
    json_row("request of 1 MiB + 1 byte", request_of_size(mib + 1), 1, "invalid_request",
             "リクエストが大きすぎます。");
    json_row("64 MiB of spaces", std::string(64 * mib, ' '), 1, "invalid_request",
             "リクエストが大きすぎます。");
    json_row("100,000-byte association code",
             R"({"request": {"operation": "join", "municipal": ")" + std::string(100000, 'x') +
                 R"(", "levels": ["municipal"], "categories": {"municipal": "A"}}, "lang": "en"})",
             2, "unknown_association",
             "The association code \"" + std::string(64, 'x') + "...\" is not in the directory.",
             "request.municipal");
    // ---- wrong types
    json_row("operation: 1", R"({"request": {"operation": 1}, "lang": "en"})", 1, "invalid_request",
             "A field has the wrong type. (request.operation)", "request.operation");
    json_row("levels: \"national\" (not an array)",
             R"({"request": {"operation": "withdraw", "levels": "national"}, "lang": "en"})", 1,
             "invalid_request", "A field has the wrong type. (request.levels)", "request.levels");
    json_row("member: []", R"({"member": [], "request": {"operation": "withdraw"}, "lang": "en"})",
             1, "invalid_request", "A field has the wrong type. (member)", "member");
    json_row("lang: 1", R"({"request": {"operation": "join"}, "lang": 1})", 1, "invalid_request",
             "項目の型が正しくありません。（lang）", "lang");
    // ---- unknown fields and codes
    json_row("unknown field (typo levles)",
             R"({"request": {"operation": "withdraw", "levles": []}, "lang": "en"})", 1,
             "invalid_request", "Unknown field \"request.levles\".", "request.levles");
    json_row("unknown top-level field",
             R"({"request": {"operation": "withdraw"}, "extra": 1, "lang": "en"})", 1,
             "invalid_request", "Unknown field \"extra\".", "extra");
    json_row("repeated field",
             R"({"request": {"operation": "join", "operation": "withdraw"}, "lang": "en"})", 1,
             "invalid_request", "A field is repeated. (request.operation)", "request.operation");
    json_row("unknown operation", R"({"request": {"operation": "fly"}, "lang": "en"})", 1,
             "invalid_request", "Unknown operation. (request.operation)", "request.operation");
    json_row("unknown level",
             R"({"request": {"operation": "withdraw", "levels": ["world"]}, "lang": "en"})", 1,
             "invalid_request", "Unknown level name. (request.levels[0])", "request.levels[0]");
    json_row("unknown lang", R"({"request": {"operation": "join"}, "lang": "fr"})", 1,
             "invalid_request", "lang は ja または en です。（lang）", "lang");
    json_row(
        "unknown association code",
        R"({"request": {"operation": "join", "municipal": "99-nowhere", "levels": ["municipal"], "categories": {"municipal": "A"}}, "lang": "en"})",
        2, "unknown_association", "The association code \"99-nowhere\" is not in the directory.",
        "request.municipal");
    json_row(
        "unknown JMA category",
        R"({"member": {"municipal": "13-chiyoda", "levels": ["municipal", "prefectural"]}, "request": {"operation": "additional_join", "levels": ["national"], "categories": {"national": "ZZ"}}, "lang": "en"})",
        12, "unknown_category",
        "Category \"ZZ\" is not in the catalogue of Japan Medical Association (00).",
        "request.categories");

    // ---- NULL pointers
    {
        char* out = nullptr;
        int st = mg_plan_json(nullptr, "{}", 2, &out);
        report(st == MG_ERR_ARGUMENT && out && std::strstr(out, "\"field\":\"engine\""),
               "mg_plan_json(NULL engine)", std::to_string(st) + " " + (out ? out : "(null)"));
        mg_free(out);
        out = nullptr;
        st = mg_plan_json(engine(), nullptr, 5, &out);
        report(st == MG_ERR_ARGUMENT && out && std::strstr(out, "\"field\":\"request\""),
               "mg_plan_json(NULL request, len 5)",
               std::to_string(st) + " " + (out ? out : "(null)"));
        mg_free(out);
        out = nullptr;
        st = mg_plan_json(engine(), nullptr, 0, &out);
        report(st == MG_INVALID_REQUEST && out && std::strstr(out, "リクエストが空です。"),
               "mg_plan_json(NULL request, len 0)",
               std::to_string(st) + " " + (out ? out : "(null)"));
        mg_free(out);
        st = mg_plan_json(engine(), "{}", 2, nullptr);
        report(st == MG_ERR_ARGUMENT, "mg_plan_json(NULL response)",
               std::to_string(st) + " " + mg_last_error());
        mg_result res = MG_RESULT_INIT;
        st = mg_plan(engine(), nullptr, nullptr, MG_LANG_EN, &res);
        report(st == MG_ERR_ARGUMENT, "mg_plan(NULL member, NULL request)",
               std::to_string(st) + " " + mg_last_error());
        st = mg_engine_load_directory(engine(), nullptr);
        report(st == MG_ERR_ARGUMENT, "mg_engine_load_directory(e, NULL)",
               std::to_string(st) + " " + mg_last_error());
        st = mg_engine_load_directory_buffer(engine(), nullptr, 10);
        report(st == MG_ERR_ARGUMENT, "mg_engine_load_directory_buffer(e, NULL, 10)",
               std::to_string(st) + " " + mg_last_error());
        st = mg_engine_load_categories(nullptr, MG_SAMPLE_CATEGORIES);
        report(st == MG_ERR_ARGUMENT, "mg_engine_load_categories(NULL, path)",
               std::to_string(st) + " " + mg_last_error());
        mg_engine_free(nullptr);
        mg_free(nullptr);
        report(true, "mg_engine_free(NULL), mg_free(NULL)", "no-op");
        report(mg_last_error() != nullptr, "mg_last_error() after all that",
               std::string("\"") + mg_last_error() + "\"");
    }

    // ---- unreadable and enormous files
    auto load_row = [](const std::string& what, const char* path, int want, const char* want_text,
                       bool categories) {
        std::size_t before = 0, after = 0;
        mg_association_count(engine(), &before);
        const int st = categories ? mg_engine_load_categories(engine(), path)
                                  : mg_engine_load_directory(engine(), path);
        const std::string err = mg_last_error();
        mg_association_count(engine(), &after);
        report(st == want && err == want_text && before == after, what,
               std::to_string(st) + " \"" + err + "\"");
    };
    load_row("master: no such file", "/nonexistent/master.csv", MG_ERR_IO,
             "/nonexistent/master.csv: the file cannot be read (No such file or directory)", false);
    load_row("master: a directory", "/", MG_ERR_IO, "/: the file cannot be read (Is a directory)",
             false);
    load_row("catalogue: a directory", "/", MG_ERR_IO,
             "/: the file cannot be read (Is a directory)", true);
    load_row("master: /dev/zero (endless)", "/dev/zero", MG_ERR_LOAD,
             "/dev/zero: the file is too large (> 16777216 bytes)", false);
    {
        const std::string path = "hardening_big_master.csv";
        std::FILE* f = std::fopen(path.c_str(), "wb");
        std::fputs("code,name,prefecture\n", f);
        const std::string row = "13-x,x,13\n";
        for (std::size_t n = 0; n < (17u << 20) / row.size(); ++n)
            std::fwrite(row.data(), 1, row.size(), f);
        std::fclose(f);
        load_row("master: 17 MiB file", path.c_str(), MG_ERR_LOAD,
                 (path + ": the file is too large (> 16777216 bytes)").c_str(), false);
        std::remove(path.c_str());
    }
    // ---- broken masters and catalogues, from a buffer: refused whole, naming the line
    auto buffer_row = [](const std::string& what, const std::string& csv, bool categories,
                         const char* want) {
        std::size_t before = 0, after = 0;
        mg_association_count(engine(), &before);
        const int st = categories
                           ? mg_engine_load_categories_buffer(engine(), csv.data(), csv.size())
                           : mg_engine_load_directory_buffer(engine(), csv.data(), csv.size());
        const std::string err = mg_last_error();
        mg_association_count(engine(), &after);
        report(st == MG_ERR_LOAD && before == after && err == want, what,
               std::to_string(st) + " \"" + err + "\"");
    };
    buffer_row("master: 600-byte name",
               "code,name,prefecture\n13-x," + std::string(600, 'x') + ",13\n", false,
               "<buffer>:2: a field holds a forbidden character or is too long (name)");
    buffer_row("master: unterminated quote", "code,name,prefecture\n13-a,a,13\n13-x,\"x,13\n",
               false,
               "<buffer>:3: malformed CSV (error parsing data while strict checking enabled)");
    buffer_row("master: neither UTF-8 nor CP932 on line 3",
               "code,name,prefecture\n13-a,a,13\n13-x,\xff,13\n", false,
               "<buffer>:3: bytes that are neither UTF-8 nor CP932 (Shift_JIS) (byte 37 = 0xFF)");
    buffer_row("master: UTF-8 with a bad byte on line 3",
               "code,name,prefecture\n13-a,\xe7\x94\xb2,13\n13-x,\xff,13\n", false,
               "<buffer>:3: invalid UTF-8 (byte 39 = 0xFF)");
    buffer_row("master: NUL byte in a name",
               std::string("code,name,prefecture\n13-x,a\0b,13\n", 31), false,
               "<buffer>:2: not a CSV or JSON text file (a picture, a PDF, an Excel workbook…): "
               "in Excel, save it as CSV first (byte 28 = 0x00)");
    buffer_row("master: a PNG picture", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), false,
               "<buffer>: not a CSV or JSON text file (a picture, a PDF, an Excel workbook…): in "
               "Excel, save it as CSV first (PNG)");
    buffer_row("master: unknown prefecture", "code,name,prefecture\n13-x,x,99\n", false,
               "<buffer>:2: unknown prefecture (give its JIS code 1-47 or its name) (99)");
    buffer_row("master: wrong header", "id,name,prefecture\n", false,
               "<buffer>:1: a required column is missing (code)");
    buffer_row("master: empty", "", false, "<buffer>:1: the header row is missing");
    buffer_row("catalogue: JMA's", "association,code,label\n00,A1,x\n", true,
               "<buffer>:2: JMA's catalogue is built in and cannot be replaced (00)");
    buffer_row("master: control characters in the prefecture code",
               std::string("code,name,prefecture\n13-x,x,13\x1b[2J\0\n", 33), false,
               "<buffer>:2: a field holds a forbidden character or is too long (prefecture)");
    buffer_row("catalogue: 65-byte association code",
               "association,code,label\n" + std::string(65, 'x') + ",A,A\n", true,
               "<buffer>:2: a field holds a forbidden character or is too long (association)");
    {
        // A message over 1,023 bytes: mg_last_error() keeps whole characters only.
        std::string code = "x"; // so that byte 1,023 falls inside a character
        for (int i = 0; i < 700; ++i) code += "\u3042";
        mg_association_info info = MG_ASSOCIATION_INFO_INIT;
        const int st = mg_association_find(engine(), code.c_str(), MG_LANG_JA, &info);
        const std::string err = mg_last_error();
        const std::string full = "unknown_association: " + code;
        report(st == MG_UNKNOWN_ASSOCIATION && err.size() <= 1023 && err.size() > 1000 &&
                   mgfuzz::valid_utf8(err) && full.compare(0, err.size(), err) == 0,
               "mg_association_find(2,100-byte code)",
               std::to_string(st) + " \"" + err.substr(0, 31) + "…\" (" +
                   std::to_string(err.size()) + " bytes, valid UTF-8)");
    }

    std::printf("%s\n", failures ? "hardening_inputs: some rows differ"
                                 : "hardening_inputs: every row as documented");
    return failures ? 1 : 0;
}
