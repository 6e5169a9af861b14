// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The scanning request reader (capi/json_read_scan.cpp, issue 28) against the DOM reader: on
// every input here, what the scanner reads the DOM reader reads the same, and read() (the
// scanner, then the DOM reader) answers exactly as the DOM reader alone does, refusals and
// their fields included. The inputs: requests of every shape the contract allows, written
// without and with white space, strings with UTF-8 at every offset of the scanner's 8- and
// 16-byte windows; then a request cut at every byte, with every byte replaced by each of a set
// that breaks JSON, and hand-picked refusals (escapes, numbers, wrong types, repeated or unknown
// fields, bad UTF-8, trailing bytes).
#define BOOST_TEST_MODULE json_scan
#include <boost/test/unit_test.hpp>

#include "json_read_fast.hpp" // capi/
#include "parsed_text.hpp"    // tests/support

#include <string>
#include <vector>

namespace rd = mamisguide::json::reading;

namespace {

/// What read() says of `text`: accepted with its reading, or refused with message and field.
std::string verdict(std::string_view text, bool dom_only) {
    rd::parsed p;
    rd::bad b{};
    const rd::bad* e = dom_only ? rd::read_dom(text, p, b, false) : rd::read(text, p, b, false);
    if (!e) return "read " + mgtest::parsed_text(p);
    return "refused " + std::string(e->message->en) + " at " + std::string(e->field) + " " +
           std::to_string(e->line) + ":" + std::to_string(e->column);
}

bool scanned(std::string_view text) {
    rd::parsed p;
    return rd::scan_read(text.data(), text.size(), p);
}

/// The scanner agrees with the DOM reader on `text`; returns whether the scanner read it.
bool agrees(std::string_view text) {
    BOOST_TEST_CONTEXT("input: " << text) {
        const std::string dom = verdict(text, true);
        BOOST_TEST(verdict(text, false) == dom);
        rd::parsed p;
        if (!rd::scan_read(text.data(), text.size(), p)) return false;
        BOOST_TEST(dom == "read " + mgtest::parsed_text(p));
        return true;
    }
    return false;
}

/// `json` with white space after every structural character outside strings.
std::string spaced(std::string_view json) {
    std::string out;
    bool in_string = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        out.push_back(c);
        if (c == '"' && (i == 0 || json[i - 1] != '\\')) in_string = !in_string;
        if (!in_string && (c == '{' || c == '[' || c == ',' || c == ':' || c == '}' || c == ']'))
            out += " \n\t\r";
    }
    return " \r\n" + out;
}

const std::string full_request =
    R"({"member":{"mypage":"yes","municipal":"13-0001","prefectural":"13",)"
    R"("levels":["municipal","prefectural","national"],)"
    R"("categories":{"municipal":"A1","prefectural":null,"national":"A1"}},)"
    R"("request":{"operation":"withdraw","levels":["national"],"municipal":null,)"
    R"("categories":null,"reason":"転居のため","cascade":true,"proxy":false},"lang":"en"})";

} // namespace

BOOST_AUTO_TEST_CASE(valid_requests_are_read_as_the_dom_reader_reads_them) {
    const std::vector<std::string> valid = {
        full_request,
        R"({"request":{"operation":"join"}})",
        R"({"member":null,"request":{"operation":"join","levels":[],"categories":{}},"lang":null})",
        R"({"lang":"ja","member":{},"request":{"proxy":true,"cascade":null,"operation":"transfer",)"
        R"("municipal":"27-0001","reason":null,"categories":{"national":"B"}}})",
        R"({"member":{"mypage":null,"levels":null,"categories":null,"municipal":null,)"
        R"("prefectural":null},"request":{"operation":"change_category","proxy":null,)"
        R"("levels":null}})",
        R"({"member":{"mypage":"unknown","levels":["municipal"],"municipal":"01-0001"},)"
        R"("request":{"operation":"additional_join","levels":["prefectural"]}})",
    };
    for (const std::string& v : valid) {
        BOOST_TEST(agrees(v), v);
        BOOST_TEST(agrees(spaced(v)), spaced(v)); // read again allowing white space
        BOOST_TEST(agrees(v + " \n"));
    }
    // UTF-8 in a string at every offset of the 16- and 8-byte windows, short and long, before the
    // string's end and across it.
    std::size_t read = 0;
    for (std::size_t pad = 0; pad < 40; ++pad)
        for (const char* text : {"日本", "é", "医師会の会員情報システムについて", "😀x"}) {
            const std::string reason = std::string(pad, 'a') + text + std::string(pad % 9, 'b');
            const std::string tail = std::string(R"(","cascade":false}})").substr(0, 3 + pad % 3);
            const std::string r =
                R"({"request":{"operation":"join","reason":")" + reason + R"("}})";
            read += agrees(r);
            read += agrees(R"({"request":{"operation":"join","reason":")" + reason + tail);
        }
    BOOST_TEST(read == 40u * 4u); // the first form each time: the second is cut short
}

BOOST_AUTO_TEST_CASE(anything_else_goes_to_the_dom_reader) {
    const std::vector<std::string> refused = {
        "",
        "   ",
        "[]",
        "null",
        R"({})",
        R"({"member":{}})",
        R"({"request":{"operation":"join"}}x)",
        std::string(R"({"request":{"operation":"join"}})") + '\0',
        R"({"request":{"operation":"join"}}{})",
        R"({"request":{"operation":"jo\u0069n"}})", // an escape: read by the DOM reader
        R"({"req\u0075est":{"operation":"join"}})", // an escaped key
        "{\"request\":{\"operation\":\"join\",\"reason\":\"a\tb\"}}", // a control character
        "{\"request\":{\"operation\":\"join\",\"reason\":\"a\x01\"}}",
        "{\"request\":{\"operation\":\"join\",\"reason\":\"\xC3\x28\"}}",     // bad UTF-8
        "{\"request\":{\"operation\":\"join\",\"reason\":\"\xC0\xAF\"}}",     // overlong
        "{\"request\":{\"operation\":\"join\",\"reason\":\"\xED\xA0\x80\"}}", // a surrogate
        "{\"request\":{\"operation\":\"join\",\"reason\":\"0123456789abcdef\xFF\"}}",
        "{\"request\":{\"operation\":\"join\",\"reason\":\"0123\xFF\"}}",
        R"({"request":{"operation":"join","cascade":1}})",
        R"({"request":{"operation":"join","cascade":tru}})",
        R"({"request":{"operation":"join","cascade":nul}})",
        R"({"request":{"operation":"join","cascade":nullx}})",
        R"({"request":{"operation":"join","cascade":"true"}})",
        R"({"request":{"operation":null}})",
        R"({"request":{"operation":"dance"}})",
        R"({"request":{"levels":["municipal"]}})",
        R"({"request":null})",
        R"({"request":[]})",
        R"({"request":{"operation":"join"},"request":{"operation":"join"}})",
        R"({"request":{"operation":"join","operation":"join"}})",
        R"({"request":{"operation":"join","colour":"red"}})",
        R"({"request":{"operation":"join","levels":["municipal","municipal"]}})",
        R"({"request":{"operation":"join","levels":["city"]}})",
        R"({"request":{"operation":"join","levels":["municipal",]}})",
        R"({"request":{"operation":"join","levels":"municipal"}})",
        R"({"request":{"operation":"join","categories":{"city":"A1"}}})",
        R"({"request":{"operation":"join","categories":{"national":"A1","national":"B"}}})",
        R"({"request":{"operation":"join","categories":{"national":1}}})",
        R"({"request":{"operation":"join","categories":[]}})",
        R"({"request":{"operation":"join","municipal":5}})",
        R"({"member":[],"request":{"operation":"join"}})",
        R"({"member":{"mypage":""},"request":{"operation":"join"}})",
        R"({"member":{"mypage":"perhaps"},"request":{"operation":"join"}})",
        R"({"member":{"mypage":true},"request":{"operation":"join"}})",
        R"({"member":{"levels":["national"],"levels":[]},"request":{"operation":"join"}})",
        R"({"member":{"town":"x"},"request":{"operation":"join"}})",
        R"({"lang":"fr","request":{"operation":"join"}})",
        R"({"lang":5,"request":{"operation":"join"}})",
        R"({"request":{"operation":"join"},})",
        R"({"request":{"operation":"join"} "lang":"ja"})",
        R"({"request" {"operation":"join"}})",
        R"({"request":{"operation":"join",}})",
        R"({"request":{"operation":"join"})",
        R"({"request":{"operation":"join)",
        R"({"request":{"operation":"join","levels":[)",
        R"({"request":{"operation":"join","categories":{)",
    };
    for (const std::string& r : refused) {
        BOOST_TEST(!scanned(r), r);
        agrees(r);
    }
    // The whole request cut at every byte (never a whole object: never read by the scanner),
    // and each byte replaced by one that breaks JSON or changes a value.
    for (std::size_t k = 0; k < full_request.size(); ++k) {
        const std::string cut = full_request.substr(0, k);
        BOOST_TEST(!agrees(cut), cut);
        for (char c : {'"', '{', '}', '[', ']', ',', ':', '\\', 'x', ' ', '\0', '\x80', '\xff'}) {
            std::string changed = full_request;
            changed[k] = c;
            agrees(changed);
        }
    }
}
