// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// Fuzz target: one `mamisguide batch` line through json::respond(dir, line, out, line_no) —
// the response is appended to what `out` already holds, is one of the contract's two shapes,
// carries "line" equal to the number given (any number, up to SIZE_MAX), and apart from "line"
// is the response the same bytes get outside a batch. The batch's own path (an out_buffer that
// already holds earlier lines, the line parsed in place with other bytes after it) writes the
// same bytes as the string path.
#include "fuzz_check.hpp"

#include "json.hpp"

#include <limits>

namespace {

/// respond() appending to a non-empty buffer; checks the prefix survives and returns the rest.
std::pair<int, std::string> respond(std::string_view line, std::size_t line_no) {
    static const std::string prefix = "{\"previous\":\"line\"}\n";
    std::string out = prefix;
    const int status = mamisguide::json::respond(mgfuzz::sample_directory(), line, out, line_no);
    MGF_CHECK(status >= 0 && status <= 14, "status " + std::to_string(status) + ": " + out);
    MGF_CHECK(out.compare(0, prefix.size(), prefix) == 0, out);
    std::string text = out.substr(prefix.size());
    MGF_CHECK(text.find('\n') == std::string::npos, "a response spans lines: " + text);
    MGF_CHECK(text.find('\0') == std::string::npos, "a NUL byte in the response: " + text);
    return {status, text};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    const std::size_t line_no =
        1 + static_cast<std::size_t>(mgfuzz::hash_bytes(data, size) % 4294967295u);

    const auto [status, text] = respond(line, line_no);
    mgfuzz::json r = mgfuzz::check_response(text, status, line_no);

    const auto [status_max, text_max] = respond(line, std::numeric_limits<std::size_t>::max());
    mgfuzz::json r_max =
        mgfuzz::check_response(text_max, status_max, std::numeric_limits<std::size_t>::max());

    const auto [status_plain, text_plain] = respond(line, 0);
    const mgfuzz::json r_plain = mgfuzz::check_response(text_plain, status_plain, 0);

    MGF_CHECK(status == status_max && status == status_plain, text + "\n" + text_plain);

    // In place: the line followed by the parser's padding of bytes that are not JSON's end (a
    // newline and the start of another line, a stray brace, NULs).
    for (const char* after : {"\n{\"request\":{\"operation\":\"join\"}}", "}]\"\\", ""}) {
        std::string padded(line);
        std::string tail(after);
        while (tail.size() < mamisguide::json::input_padding) tail += tail.empty() ? '\0' : tail[0];
        padded += tail;
        mamisguide::json::out_buffer buf;
        buf.append("{\"previous\":\"line\"}\n");
        const std::size_t before = buf.size();
        const int status_in_place = mamisguide::json::respond(
            mgfuzz::sample_directory(), std::string_view(padded.data(), size), buf, line_no, true);
        MGF_CHECK(status_in_place == status, text);
        MGF_CHECK(buf.view().substr(before) == text,
                  text + "\n" + std::string(buf.view().substr(before)));
    }
    r.erase("line");
    r_max.erase("line");
    MGF_CHECK(r == r_plain && r_max == r_plain, text + "\n" + text_max + "\n" + text_plain);
    return 0;
}
