// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — municipal masters written as JSON (rules.md §1: "a CSV/JSON file"). The core
// stays free of JSON: this file turns the JSON into rows and the core's load_master_rows()
// applies the same checks as to a CSV master.
#include "json.hpp"

#include <mamisguide/detail/utf8.hpp>

#include <simdjson.h>

#include <algorithm>
#include <new>

namespace mamisguide::json {
namespace {

/// Line numbers for positions in the text, counted forward (entries come in order).
class line_counter {
public:
    explicit line_counter(std::string_view text) : text_(text) {}
    std::size_t at(std::size_t offset) {
        offset = std::min(offset, text_.size());
        if (offset < pos_) pos_ = 0, line_ = 1; // not expected; stay correct anyway
        line_ +=
            static_cast<std::size_t>(std::count(text_.begin() + static_cast<long>(pos_),
                                                text_.begin() + static_cast<long>(offset), '\n'));
        pos_ = offset;
        return line_;
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0, line_ = 1;
};

constexpr std::string_view field_names[] = {"code", "name", "prefecture", "name_en"};

tl::unexpected<load_error> refuse(load_error_kind k, const std::string& source, std::size_t line,
                                  std::string detail) {
    return tl::make_unexpected(load_error{k, source, line, std::move(detail)});
}

} // namespace

tl::expected<directory, load_error> load_master_json(const directory& base, std::string_view raw,
                                                     std::string source, const load_options& opts) {
    // The same bytes-to-text step as a CSV master: UTF-8 (a BOM skipped) or CP932.
    std::string storage;
    std::string_view text;
    load_error err;
    if (!detail::decode_text(raw, source, opts, storage, text, err))
        return tl::make_unexpected(std::move(err));
    line_counter lines(text);

    // First the whole document, strictly (structure, escapes, trailing text): the DOM parser.
    // The values are read from it too. (simdjson 3.0.1's On-Demand parser does not check that
    // its string buffer was allocated: it would unescape into NULL. It only gives positions
    // here, which need no buffer.)
    simdjson_first_use();
    const simdjson::padded_string padded(text);
    if (!padded.data()) throw std::bad_alloc(); // (simdjson reports it as an empty document)
    simdjson::dom::parser strict;
    simdjson::dom::element root;
    if (const auto err = strict.parse(padded).get(root)) {
        if (err == simdjson::MEMALLOC) throw std::bad_alloc();
        // simdjson does not say where; 0 names the file as a whole.
        return refuse(load_error_kind::json_syntax, source, 0, simdjson::error_message(err));
    }

    // Then the line each entry starts on: the On-Demand API knows positions.
    simdjson::ondemand::parser od;
    simdjson::ondemand::document doc;
    if (const auto err = od.iterate(padded).get(doc)) {
        if (err == simdjson::MEMALLOC) throw std::bad_alloc();
        // The DOM parser took these bytes: On-Demand has nothing else to refuse here.
        return refuse(load_error_kind::json_syntax, source, 0, // GCOVR_EXCL_LINE
                      simdjson::error_message(err));           // GCOVR_EXCL_LINE
    }
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    simdjson::dom::array entries;
    simdjson::ondemand::array positions;
    if (root.get_array().get(entries) || doc.get_array().get(positions))
        return refuse(load_error_kind::bad_entry, source, lines.at(first), "not an array");

    std::vector<master_row> rows;
    std::size_t index = 0;
    auto at = positions.begin();
    for (simdjson::dom::element item : entries) {
        ++index;
        const std::string which = "entry " + std::to_string(index);
        simdjson::ondemand::value v;
        const char* where = nullptr;
        // Both parsers read the same well-formed array: an entry each has, with its position.
        if (at == positions.end() || (*at).get(v) ||                       // GCOVR_EXCL_BR_LINE
            v.current_location().get(where))                               // GCOVR_EXCL_BR_LINE
            return refuse(load_error_kind::json_syntax, source, 0, which); // GCOVR_EXCL_LINE
        ++at;
        master_row row;
        row.line = lines.at(static_cast<std::size_t>(where - padded.data()));
        simdjson::dom::object o;
        if (item.get_object().get(o))
            return refuse(load_error_kind::bad_entry, source, row.line, which + ": not an object");
        std::string* slots[] = {&row.code, &row.name, &row.prefecture, &row.name_en};
        unsigned seen = 0;
        for (const auto f : o) {
            const auto k = std::find(std::begin(field_names), std::end(field_names), f.key);
            if (k == std::end(field_names)) // the key is not quoted: it may hold anything
                return refuse(load_error_kind::bad_entry, source, row.line,
                              which + ": an unknown field");
            const auto i = static_cast<std::size_t>(k - std::begin(field_names));
            const std::string name(*k);
            if (seen & (1u << i))
                return refuse(load_error_kind::bad_entry, source, row.line,
                              which + ": " + name + " repeated");
            seen |= 1u << i;
            if (i == 3 && f.value.is_null()) continue; // name_en: null = none
            std::string_view s;
            if (f.value.get_string().get(s))
                return refuse(load_error_kind::bad_entry, source, row.line,
                              which + ": " + name + " is not a string");
            slots[i]->assign(s);
        }
        for (std::size_t i = 0; i < 3; ++i)
            if (!(seen & (1u << i)))
                return refuse(load_error_kind::bad_entry, source, row.line,
                              which + ": " + std::string(field_names[i]) + " missing");
        rows.push_back(std::move(row));
    }
    return load_master_rows(base, rows, std::move(source));
}

bool looks_like_json(std::string_view text) noexcept {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && (text[first] == '[' || text[first] == '{');
}

tl::expected<directory, load_error> load_master_any(const directory& base, std::string_view text,
                                                    std::string source, const load_options& opts) {
    if (looks_like_json(text)) return load_master_json(base, text, std::move(source), opts);
    return load_master(base, text, std::move(source), opts);
}

tl::expected<directory, load_error>
load_master_file_any(const directory& base, const std::string& path, const load_options& opts) {
    std::string text;
    load_error err;
    if (!detail::read_file(path, text, err)) return tl::make_unexpected(std::move(err));
    return load_master_any(base, text, path, opts);
}

tl::expected<directory, load_error> load_sample_master(const directory& base,
                                                       const load_options& opts) {
    load_options utf8 = opts; // the bundled file is UTF-8, whatever the caller's encoding
    utf8.encoding = text_encoding::utf8;
    return load_master(base, sample_master(), "sample-municipal.csv", utf8);
}

} // namespace mamisguide::json
