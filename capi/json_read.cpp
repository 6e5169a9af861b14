// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — reading a request with simdjson (json_read.hpp).
#include "json_read.hpp"
#include "json_read_fast.hpp"
#include "per_thread.hpp"

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <new>

namespace mamisguide::json {

static_assert(input_padding >= simdjson::SIMDJSON_PADDING, "json.hpp's input_padding");

void simdjson_first_use() {
    static std::atomic<bool> done{false};
    if (done.load(std::memory_order_acquire)) return;
    // Function-local statics of libsimdjson, made on their first call; the implementations and
    // the detector are built by noexcept constructors that allocate (their names are
    // std::strings), so a failed allocation there is std::terminate whoever calls.
    (void)simdjson::get_available_implementations();
    // The detector picks the best implementation on its first use (allocating too): name()
    // makes it pick now.
    (void)simdjson::get_active_implementation()->name();
    done.store(true, std::memory_order_release);
}

namespace {
/// ... which is why they are made when the library is loaded (dlopen, or the program's start),
/// not on a caller's first parse: no parse then allocates inside simdjson's noexcept code.
const bool simdjson_ready = (simdjson_first_use(), true);
} // namespace

namespace reading {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

/// Longest object key quoted in a field path (a longer one is cut at a character boundary).
constexpr std::size_t max_key_in_path = 64;

/// Sets `b` to `msg` at `prefix` + `sep` + `key` (`key` may be empty) + `[index]` (index >= 0).
const bad* fail_at(bad& b, const bitext& msg, std::string_view prefix, std::string_view key,
                   long index = -1) {
    b.message = &msg;
    b.path.assign(prefix.data(), prefix.size());
    if (!key.empty()) {
        if (!b.path.empty()) b.path.push_back('.');
        std::size_t n = key.size() > max_key_in_path ? max_key_in_path : key.size();
        while (n > 0 && n < key.size() && (static_cast<unsigned char>(key[n]) & 0xC0) == 0x80) --n;
        b.path.append(key.data(), n);
        if (n < key.size()) b.path += "...";
    }
    if (index >= 0) {
        b.path.push_back('[');
        b.path += std::to_string(index);
        b.path.push_back(']');
    }
    b.field = b.path;
    return &b;
}

/// The fast path this process uses (json_read_fast.hpp), chosen once from
/// MAMISGUIDE_JSON_READER: unset or `scan`, the scanner (the default: issue 28, README "The
/// scanning reader"); `dom`, none (every request read by the DOM reader); `ondemand`, simdjson's
/// On-Demand copy for AVX2 where the processor has what it needs (simdjson's own test of the
/// CPU), else its baseline copy; `baseline`, the baseline copy. The others are there to compare
/// them (scripts/check-json-answers.sh, the contract's tests, the benchmarks).
struct fast_choice {
    bool scan = false;
    const fast_reader* on_demand = nullptr;
};

const fast_choice& chosen_reader() noexcept {
    static const fast_choice chosen = []() -> fast_choice {
        const char* forced = std::getenv("MAMISGUIDE_JSON_READER");
        const std::string_view want = forced ? forced : "";
        if (want == "dom") return {};
        if (want == "baseline") return {false, &fast_reader_base()};
        if (want != "ondemand") return {true, nullptr};
        // GCOVR_EXCL_BR_START: their other sides: a processor without AVX2, or a build without
        // the AVX2 copy
        if (const fast_reader* h = fast_reader_haswell()) {
            const simdjson::implementation* impl =
                simdjson::get_available_implementations()["haswell"];
            if (impl && impl->supported_by_runtime_system()) return {false, h};
        } // GCOVR_EXCL_BR_STOP
        // Only on a processor without AVX2, or a build without the AVX2 copy (coverage is
        // measured where both are there; test_json_contract_baseline runs this copy).
        return {false, &fast_reader_base()}; // GCOVR_EXCL_LINE
    }();                                     // GCOVR_EXCL_BR_LINE: static's guard
    return chosen;
}

const fast_reader* chosen_fast_reader() noexcept {
    return chosen_reader().on_demand;
}

/// A thread's reader: the parsers and the padded copy of the input are reused between calls,
/// and so is the block mg_plan_json's responses are written in before their copy out.
struct reader {
    simdjson::dom::parser parser{max_request_bytes};
    void* fast = nullptr; ///< chosen_fast_reader()'s parser
    std::string buffer;
    out_buffer scratch;
    bool ready = false;

    reader() = default;
    reader(const reader&) = delete;
    reader& operator=(const reader&) = delete;
    ~reader() {
        if (fast) chosen_fast_reader()->destroy(fast);
    }
};

/// The readers live in a thread key (per_thread.hpp), not in a thread_local: glibc allocates a
/// dlopen'd library's thread-local block, and registers a thread_local's destructor, with malloc on
/// a thread's first use, and aborts the process when that fails (issue 25); a key's value needs no
/// allocation, and the key's destructor frees the reader when its thread ends.
struct reader_key {
    capi_detail::thread_key key;
    bool ok;
};

const reader_key& readers() noexcept {
    static const reader_key k = [] {
        reader_key r{};
        r.ok =
            capi_detail::thread_key_create(r.key, [](void* p) { delete static_cast<reader*>(p); });
        return r;
    }(); // GCOVR_EXCL_BR_LINE: static's guard
    return k;
}

/// This thread's reader, made on first use. Throws std::bad_alloc when it cannot be.
reader& thread_reader() {
    simdjson_first_use();
    const reader_key& k = readers();
    if (!k.ok) throw std::bad_alloc();
    auto* r = static_cast<reader*>(capi_detail::thread_key_get(k.key));
    if (!r) {
        std::unique_ptr<reader> fresh(new reader);
        if (!capi_detail::thread_key_set(k.key, fresh.get())) throw std::bad_alloc();
        r = fresh.release();
    }
    if (!r->ready) {
        // Start small; the parser grows up to max_request_bytes as inputs need it. (The
        // maximum goes through the constructor: set_max_capacity() followed by allocate()
        // loses it in Debian's simdjson 3.0.1.)
        if (r->parser.allocate(64 * 1024, max_depth) != simdjson::SUCCESS) throw std::bad_alloc();
        if (const fast_reader* f = chosen_fast_reader())
            if (!(r->fast = f->make())) throw std::bad_alloc();
        r->ready = true;
    }
    return *r;
}

bool get_string_or_null(element v, std::string_view& out) {
    if (v.is_null()) return out = {}, true;
    return v.get_string().get(out) == simdjson::SUCCESS;
}

/// Reads an array of level names: unique, known. A fault names its element (`path[1]`).
const bad* read_levels(element v, level_set& out, std::string_view path, bad& b) {
    out = {};
    if (v.is_null()) return nullptr;
    simdjson::dom::array a;
    if (v.get_array().get(a) != simdjson::SUCCESS)
        return fail_at(b, texts::json_wrong_type, path, {});
    long i = 0;
    for (element x : a) {
        std::string_view s;
        if (x.get_string().get(s) != simdjson::SUCCESS)
            return fail_at(b, texts::json_wrong_type, path, {}, i);
        level l;
        if (!parse_level(s, l)) return fail_at(b, texts::json_unknown_level, path, {}, i);
        if (out.contains(l)) return fail_at(b, texts::json_duplicate_level, path, {}, i);
        out.insert(l);
        ++i;
    }
    return nullptr;
}

/// Reads {level: code|null}: known levels, string values. A fault names its key
/// (`path.regional`).
const bad* read_categories(element v, per_level<std::string_view>& out, std::string_view path,
                           bad& b) {
    out = {};
    if (v.is_null()) return nullptr;
    simdjson::dom::object o;
    if (v.get_object().get(o) != simdjson::SUCCESS)
        return fail_at(b, texts::json_wrong_type, path, {});
    level_set seen;
    for (auto f : o) {
        level l;
        if (!parse_level(f.key, l)) return fail_at(b, texts::json_unknown_level, path, f.key);
        if (seen.contains(l)) return fail_at(b, texts::json_duplicate_field, path, f.key);
        seen.insert(l);
        if (!get_string_or_null(f.value, out[l]))
            return fail_at(b, texts::json_wrong_type, path, f.key);
    }
    return nullptr;
}

bool read_bool_or_null(element v, bool& out) {
    if (v.is_null()) return out = false, true;
    return v.get_bool().get(out) == simdjson::SUCCESS;
}

/// Finds the index of `k` in `names`, or -1.
template <std::size_t N>
int field_index(std::string_view k, const std::string_view (&names)[N]) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == k) return static_cast<int>(i);
    return -1;
}

const bad* read_member(element v, member_state& m, bad& b) {
    static constexpr std::string_view names[] = {"mypage", "municipal", "prefectural", "levels",
                                                 "categories"};
    static constexpr std::string_view paths[] = {"member.mypage", "member.municipal",
                                                 "member.prefectural", "member.levels",
                                                 "member.categories"};
    auto fail = [&](const bitext& msg, std::string_view field) {
        b.message = &msg, b.field = field, b.line = b.column = 0;
        return &b;
    };
    if (v.is_null()) return nullptr;
    simdjson::dom::object o;
    if (v.get_object().get(o) != simdjson::SUCCESS) return fail(texts::json_wrong_type, "member");
    unsigned seen = 0;
    for (auto f : o) {
        const int i = field_index(f.key, names);
        if (i < 0) return fail_at(b, texts::json_unknown_field, "member", f.key);
        if (seen & (1u << i)) return fail(texts::json_duplicate_field, paths[i]);
        seen |= 1u << i;
        switch (i) {
        case 0: {
            std::string_view s;
            if (!get_string_or_null(f.value, s)) return fail(texts::json_wrong_type, paths[i]);
            if (!s.empty() && !parse_mypage(s, m.page))
                return fail(texts::json_unknown_mypage, paths[i]);
            if (s.empty() && !f.value.is_null()) return fail(texts::json_unknown_mypage, paths[i]);
            break;
        }
        case 1:
            if (!get_string_or_null(f.value, m.municipal))
                return fail(texts::json_wrong_type, paths[i]);
            break;
        case 2:
            if (!get_string_or_null(f.value, m.prefectural))
                return fail(texts::json_wrong_type, paths[i]);
            break;
        case 3:
            if (const bad* e = read_levels(f.value, m.levels, paths[i], b)) return e;
            break;
        case 4:
            if (const bad* e = read_categories(f.value, m.categories, paths[i], b)) return e;
            break;
        }
    }
    return nullptr;
}

const bad* read_request(element v, request& r, bad& b) {
    static constexpr std::string_view names[] = {"operation", "levels",  "municipal", "categories",
                                                 "reason",    "cascade", "proxy"};
    static constexpr std::string_view paths[] = {
        "request.operation", "request.levels",  "request.municipal", "request.categories",
        "request.reason",    "request.cascade", "request.proxy"};
    auto fail = [&](const bitext& msg, std::string_view field) {
        b.message = &msg, b.field = field, b.line = b.column = 0;
        return &b;
    };
    simdjson::dom::object o;
    if (v.get_object().get(o) != simdjson::SUCCESS) return fail(texts::json_wrong_type, "request");
    unsigned seen = 0;
    for (auto f : o) {
        const int i = field_index(f.key, names);
        if (i < 0) return fail_at(b, texts::json_unknown_field, "request", f.key);
        if (seen & (1u << i)) return fail(texts::json_duplicate_field, paths[i]);
        seen |= 1u << i;
        switch (i) {
        case 0: {
            std::string_view s;
            if (f.value.get_string().get(s) != simdjson::SUCCESS)
                return fail(texts::json_wrong_type, paths[i]);
            if (!parse_operation(s, r.op)) return fail(texts::json_unknown_operation, paths[i]);
            break;
        }
        case 1:
            if (const bad* e = read_levels(f.value, r.levels, paths[i], b)) return e;
            break;
        case 2:
            if (!get_string_or_null(f.value, r.municipal))
                return fail(texts::json_wrong_type, paths[i]);
            break;
        case 3:
            if (const bad* e = read_categories(f.value, r.categories, paths[i], b)) return e;
            break;
        case 4:
            if (!get_string_or_null(f.value, r.reason))
                return fail(texts::json_wrong_type, paths[i]);
            break;
        case 5:
            if (!read_bool_or_null(f.value, r.cascade))
                return fail(texts::json_wrong_type, paths[i]);
            break;
        case 6:
            if (!read_bool_or_null(f.value, r.proxy)) return fail(texts::json_wrong_type, paths[i]);
            break;
        }
    }
    if (!(seen & 1u)) return fail(texts::json_missing_field, "request.operation");
    return nullptr;
}

/// Line and column (1-based, columns in characters) of byte `offset` of `input`.
void set_position(std::string_view input, std::size_t offset, bad& b) {
    if (offset > input.size()) offset = input.size();
    std::uint32_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        const unsigned char c = static_cast<unsigned char>(input[i]);
        if (c == '\n')
            ++line, column = 1;
        else if ((c & 0xC0) != 0x80) // count characters, not continuation bytes
            ++column;
    }
    b.line = line;
    b.column = column;
}

/// Where JSON that simdjson refused goes wrong (simdjson gives no position): nlohmann/json's
/// SAX parser, which builds nothing, reports the byte it stopped at. Only on this error path.
/// Where it finds no error (the two parsers differ at the edges), no position is given.
void locate_syntax_error(std::string_view input, bad& b) {
    // Every event accepted as nlohmann/json's own acceptor (json::accept()) does; only the error
    // is ours. (sax_parse() takes any type with these members: no virtual calls.)
    struct locator : nlohmann::detail::json_sax_acceptor<nlohmann::json> {
        std::size_t at = 0;
        bool failed = false;
        bool parse_error(std::size_t position, const std::string&,
                         const nlohmann::detail::exception&) {
            at = position, failed = true;
            return false;
        }
    } sax;
    try {
        nlohmann::json::sax_parse(input.begin(), input.end(), &sax);
    } catch (const std::bad_alloc&) { // GCOVR_EXCL_BR_LINE: the type test's way to the guard below
        throw;
    } catch (...) { // GCOVR_EXCL_START: a guard: sax_parse reports errors to the locator, which
        return;     // returns false; only allocation throws
    }               // GCOVR_EXCL_STOP
    if (!sax.failed) return;
    // `position` counts the bytes read: the last one read ends the offending token. Point at
    // the token's start: a string's opening quote, a word's or number's first character.
    std::size_t end = sax.at > 0 ? sax.at - 1 : 0;
    if (end >= input.size()) end = input.empty() ? 0 : input.size() - 1;
    std::size_t start = end;
    auto word = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '+' || c == '-';
    };
    if (!input.empty() && input[end] == '"' && end > 0) {
        // Back to the opening quote (a quote preceded by an odd run of backslashes is escaped).
        for (std::size_t i = end; i-- > 0;) {
            if (input[i] != '"') continue;
            std::size_t slashes = 0;
            for (std::size_t k = i; k > 0 && input[k - 1] == '\\'; --k) ++slashes;
            if (slashes % 2 == 0) {
                start = i;
                break;
            }
        }
    } else if (!input.empty() && word(input[end])) {
        while (start > 0 && word(input[start - 1])) --start;
    }
    set_position(input, start, b);
}

/// Where the first byte that is not UTF-8 is.
void locate_utf8_error(std::string_view input, bad& b) {
    std::size_t i = 0;
    while (i < input.size()) {
        const unsigned char c = static_cast<unsigned char>(input[i]);
        std::size_t len = c < 0x80           ? 1
                          : (c >> 5) == 0x6  ? 2
                          : (c >> 4) == 0xE  ? 3
                          : (c >> 3) == 0x1E ? 4
                                             : 0;
        if (len == 0 || i + len > input.size()) break;
        bool ok = true;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(input[i + k]) & 0xC0) != 0x80) ok = false;
        if (ok && len > 1) { // overlong forms, surrogates and values past U+10FFFF
            const unsigned char d = static_cast<unsigned char>(input[i + 1]);
            if ((len == 2 && c < 0xC2) || (len == 3 && c == 0xE0 && d < 0xA0) ||
                (len == 3 && c == 0xED && d >= 0xA0) || (len == 4 && c == 0xF0 && d < 0x90) ||
                (len == 4 && (c > 0xF4 || (c == 0xF4 && d >= 0x90))))
                ok = false;
        }
        if (!ok) break;
        i += len;
    }
    if (i < input.size()) set_position(input, i, b);
}

} // namespace

/// Parses a whole request. On failure, `b` says why and `p.l` holds the language if it could
/// be read (messages follow the request's own `lang` where possible).
/// `padded`: input_padding readable bytes follow `input`, which is then parsed in place.
const bad* read(std::string_view input, parsed& p, bad& b, bool padded) {
    // A valid request written plainly is read by the scanner, in place; anything else, again by
    // the DOM reader, which says why (json_read_fast.hpp).
    if (input.size() <= max_request_bytes && chosen_reader().scan &&
        scan_read(input.data(), input.size(), p))
        return nullptr;
    return read_dom(input, p, b, padded);
}

const bad* read_dom(std::string_view input, parsed& p, bad& b, bool padded) {
    auto fail = [&](const bitext& msg, std::string_view field) {
        b.message = &msg, b.field = field, b.line = b.column = 0;
        return &b;
    };
    if (input.size() > max_request_bytes) return fail(texts::json_too_large, "");
    if (input.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return fail(texts::json_empty, "");
    reader& rd = thread_reader();
    const char* text = input.data();
    if (!padded) {
        rd.buffer.assign(input.data(), input.size());
        rd.buffer.append(simdjson::SIMDJSON_PADDING, '\0');
        text = rd.buffer.data();
    }
    // A valid request is read by the On-Demand reader; anything else, again by the DOM reader,
    // which says why (json_read_fast.hpp).
    if (rd.fast && input.size() <= fast_capacity &&
        chosen_fast_reader()->read(rd.fast, text, input.size(), p))
        return nullptr;
    p = parsed{};
    element doc;
    const auto err = rd.parser.parse(text, input.size(), false).get(doc);
    if (err != simdjson::SUCCESS) {
        switch (err) {
        case simdjson::UTF8_ERROR:
            fail(texts::json_utf8, "");
            locate_utf8_error(input, b);
            return &b;
        case simdjson::DEPTH_ERROR:
            return fail(texts::json_too_deep, "");
        // (No CAPACITY: the parser's maximum is max_request_bytes, and a longer input was
        // refused above.)
        case simdjson::MEMALLOC:
            throw std::bad_alloc();
        default:
            fail(texts::json_syntax, "");
            locate_syntax_error(input, b);
            return &b;
        }
    }
    simdjson::dom::object top;
    if (doc.get_object().get(top) != simdjson::SUCCESS) return fail(texts::json_not_object, "");
    // lang first, so that every later message is in the language asked for.
    if (element lv; top.at_key("lang").get(lv) == simdjson::SUCCESS && !lv.is_null()) {
        std::string_view s;
        if (lv.get_string().get(s) != simdjson::SUCCESS)
            return fail(texts::json_wrong_type, "lang");
        if (s == "en")
            p.l = lang::en;
        else if (s != "ja")
            return fail(texts::json_unknown_lang, "lang");
    }
    static constexpr std::string_view names[] = {"member", "request", "lang"};
    unsigned seen = 0;
    element member_v, request_v;
    for (auto f : top) {
        const int i = field_index(f.key, names);
        if (i < 0) return fail_at(b, texts::json_unknown_field, "", f.key);
        if (seen & (1u << i)) return fail(texts::json_duplicate_field, names[i]);
        seen |= 1u << i;
        if (i == 0) member_v = f.value;
        if (i == 1) request_v = f.value;
    }
    if (!(seen & 2u)) return fail(texts::json_missing_field, "request");
    if (seen & 1u)
        if (const bad* e = read_member(member_v, p.member, b)) return e;
    return read_request(request_v, p.req, b);
}

out_buffer& thread_scratch() {
    return thread_reader().scratch;
}

} // namespace reading
} // namespace mamisguide::json
