// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the JSON contract: reading requests with simdjson, writing responses.
#include "json.hpp"
#include "per_thread.hpp"

#include <nlohmann/json.hpp>
#include <simdjson.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

// The writers' tiny helpers are called ~100 times per response with literal arguments:
// inlined, their copies become a few moves.
#if defined(__GNUC__)
#define MG_JSON_INLINE inline __attribute__((always_inline))
#else
#define MG_JSON_INLINE inline
#endif

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

out_buffer::~out_buffer() {
    std::free(data_);
}

void out_buffer::reserve(std::size_t n) {
    if (n <= cap_) return;
    // Twice the old size when a writer outgrows it (amortised appends), exactly what is asked
    // for when that is more (a batch reserves its block once); 2 KiB at least, a response's size.
    std::size_t cap = n > 2 * cap_ ? n : 2 * cap_;
    if (cap < 2048) cap = 2048;
    char* p = static_cast<char*>(std::realloc(data_, cap));
    if (!p) throw std::bad_alloc();
    data_ = p;
    cap_ = cap;
}

void out_buffer::release_memory() noexcept {
    std::free(data_);
    data_ = nullptr;
    size_ = cap_ = 0;
}

/// The writer's way into an out_buffer's storage (sink, below).
class writer_access {
public:
    static char*& data(out_buffer& b) noexcept { return b.data_; }
    static std::size_t& size(out_buffer& b) noexcept { return b.size_; }
    static std::size_t& cap(out_buffer& b) noexcept { return b.cap_; }
};

namespace {

// ---- writing ---------------------------------------------------------------------------------

/// Where the writers put their bytes. A response is ~100 tiny appends, and each
/// std::string::append (out of line, with its checks) cost more than its bytes, so the writers
/// fill a plain buffer instead:
/// - in front of a std::string (sink(std::string&)): 8 KiB on the stack, handed to the string in
///   one append when full and at flush();
/// - or straight into an out_buffer's storage (sink(out_buffer&)): a batch's output, or the
///   thread's scratch block that mg_plan_json's answer is copied out of, so that the response
///   is written once and copied at most once.
class sink {
public:
    explicit sink(std::string& out) noexcept
        : out_(&out), to_(nullptr), buf_(stack_), cap_(sizeof stack_) {}
    explicit sink(out_buffer& to) noexcept : out_(nullptr), to_(&to) { load(); }
    sink(const sink&) = delete;
    sink& operator=(const sink&) = delete;

    MG_JSON_INLINE void push_back(char c) {
        if (n_ == cap_) make_room(1);
        buf_[n_++] = c;
    }
    MG_JSON_INLINE void append(const char* p, std::size_t len) {
        if (len > cap_ - n_) {
            append_long(p, len);
            return;
        }
        if (len) std::memcpy(buf_ + n_, p, len);
        n_ += len;
    }
    sink& operator+=(std::string_view s) {
        append(s.data(), s.size());
        return *this;
    }
    /// Hands the bytes written to the string or the buffer; call when done writing.
    void flush() {
        if (out_) {
            out_->append(buf_, n_);
            n_ = 0;
        } else {
            writer_access::size(*to_) = n_;
        }
    }

private:
    void load() noexcept {
        buf_ = writer_access::data(*to_);
        n_ = writer_access::size(*to_);
        cap_ = writer_access::cap(*to_);
    }
    void make_room(std::size_t len) {
        if (out_) {
            flush();
            return;
        }
        writer_access::size(*to_) = n_;
        to_->reserve(n_ + len);
        load();
    }
    void append_long(const char* p, std::size_t len) {
        if (out_) {
            flush();
            if (len > cap_) {
                out_->append(p, len);
                return;
            }
        } else {
            make_room(len);
        }
        std::memcpy(buf_ + n_, p, len);
        n_ += len;
    }

    std::string* out_;
    out_buffer* to_;
    char* buf_;
    std::size_t cap_ = 0;
    std::size_t n_ = 0;
    char stack_[8192];
};

void escape(sink& out, std::string_view s);

/// Appends raw text known to need no escaping (our own static tables and names).
MG_JSON_INLINE void raw(sink& out, std::string_view s) {
    out.append(s.data(), s.size());
}

/// Appends one of our own names (an enum's JSON name: an ASCII identifier, nothing to escape)
/// as a string.
MG_JSON_INLINE void name(sink& out, std::string_view s) {
    out.push_back('"');
    raw(out, s);
    out.push_back('"');
}

/// Appends a string, escaped. Most strings a response echoes are short codes ("A1",
/// "13-0001"): those are tested byte by byte here and copied, without the escaper's set-up.
inline void str(sink& out, std::string_view s) {
    if (s.size() <= 16 && json_plain(s)) return name(out, s);
    out.push_back('"');
    escape(out, s);
    out.push_back('"');
}

inline void str_or_null(sink& out, std::string_view s) {
    if (s.empty())
        raw(out, "null");
    else
        str(out, s);
}

/// A string known to need no escaping when `plain` (a table's text, a directory's code or
/// name, when they say so: bitext::json_plain(), directory::plain_strings()) is copied as it is;
/// otherwise it is escaped.
MG_JSON_INLINE void str(sink& out, std::string_view s, bool plain) {
    if (plain)
        name(out, s);
    else
        str(out, s);
}

MG_JSON_INLINE void str_or_null(sink& out, std::string_view s, bool plain) {
    if (s.empty())
        raw(out, "null");
    else
        str(out, s, plain);
}

/// Appends a table's text as a string: copied as it is when it needs no escaping (bitext knows
/// that, and its length, from when it was made), escaped otherwise.
MG_JSON_INLINE void text(sink& out, const bitext& t, lang l) {
    str(out, t.view(l), t.json_plain(l));
}

/// A table's text, or null.
MG_JSON_INLINE void text_or_null(sink& out, const bitext* t, lang l) {
    if (t)
        text(out, *t, l);
    else
        raw(out, "null");
}

MG_JSON_INLINE void key(sink& out, std::string_view k, bool& first) {
    if (!first) out.push_back(',');
    first = false;
    out.push_back('"');
    raw(out, k);
    raw(out, "\":");
}

/// A level as an object's key: its quotes and colon are one literal.
MG_JSON_INLINE void key(sink& out, level l, bool& first) {
    static constexpr std::string_view keys[] = {
        "\"municipal\":", "\"prefectural\":", "\"national\":"};
    if (!first) out.push_back(',');
    first = false;
    raw(out, keys[index_of(l)]);
}

/// Appends a number in decimal, without allocating.
void number(sink& out, std::uint64_t n) {
    char digits[20];
    std::size_t k = sizeof digits;
    do {
        digits[--k] = static_cast<char>('0' + n % 10);
        n /= 10;
    } while (n);
    out.append(digits + k, sizeof digits - k);
}

void levels_array(sink& out, level_set s) {
    // Every set of levels, written once: ["municipal",…] in one append.
    static constexpr std::string_view arrays[8] = {"[]",
                                                   "[\"municipal\"]",
                                                   "[\"prefectural\"]",
                                                   "[\"municipal\",\"prefectural\"]",
                                                   "[\"national\"]",
                                                   "[\"municipal\",\"national\"]",
                                                   "[\"prefectural\",\"national\"]",
                                                   "[\"municipal\",\"prefectural\",\"national\"]"};
    raw(out, arrays[s.bits() & 7u]);
}

void categories_object(sink& out, level_set s, const per_level<std::string_view>& c) {
    out.push_back('{');
    bool first = true;
    for (level l : s) {
        if (c[l].empty()) continue;
        key(out, l, first);
        str(out, c[l]);
    }
    out.push_back('}');
}

void text_array(sink& out, const fixed_vector<const bitext*, 8>& v, lang l) {
    out.push_back('[');
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out.push_back(',');
        text(out, *v[i], l);
    }
    out.push_back(']');
}

void support_object(sink& out, lang l) {
    out.push_back('{');
    bool first = true;
    key(out, "name", first);
    text(out, texts::desk_name, l);
    key(out, "phone", first);
    str(out, texts::desk_phone);
    key(out, "mail", first);
    str(out, texts::desk_mail);
    key(out, "hours", first);
    text(out, texts::desk_hours, l);
    out.push_back('}');
}

/// One prerequisite of STEP 1 (a plan's "prerequisites" entry, mg_mypage_step_json).
void prerequisite_to(sink& out, const prerequisite& q, lang l) {
    bool f = true;
    out.push_back('{');
    key(out, "kind", f);
    name(out, to_string(q.kind));
    key(out, "steps", f);
    out.push_back('[');
    for (std::size_t k = 0; k < q.steps.size(); ++k) {
        if (k) out.push_back(',');
        text(out, *q.steps[k], l);
    }
    out.push_back(']');
    key(out, "manual", f);
    text(out, *q.manual, l);
    if (q.kind == prerequisite_kind::mypage_check) {
        key(out, "methods", f);
        raw(out, "[\"initial_login\",\"member_search\"]");
    }
    if (q.support_desk) {
        key(out, "support", f);
        support_object(out, l);
    }
    out.push_back('}');
}

/// An association a plan ticks or a refusal names: `{"level", "code", "name"}`. `plain`: the
/// directory's strings need no escaping.
void association_ref(sink& out, const checked_association& a, lang l, bool plain) {
    raw(out, "{\"level\":\"");
    raw(out, to_string(a.lvl));
    raw(out, "\",\"code\":");
    str(out, a.code, plain);
    raw(out, ",\"name\":");
    str(out, a.name_in(l), plain);
    out.push_back('}');
}

void write_request(sink& out, const request& r) {
    out.push_back('{');
    bool first = true;
    key(out, "operation", first);
    name(out, to_string(r.op));
    const bool takes_levels = r.op == operation::join || r.op == operation::additional_join ||
                              r.op == operation::change_category || r.op == operation::withdraw;
    if (takes_levels) {
        key(out, "levels", first);
        levels_array(out, r.levels);
    }
    if (!r.municipal.empty()) {
        key(out, "municipal", first);
        str(out, r.municipal);
    }
    if (!given_levels(r.categories).empty()) {
        key(out, "categories", first);
        categories_object(out, given_levels(r.categories), r.categories);
    }
    if (!r.reason.empty()) {
        key(out, "reason", first);
        str(out, r.reason);
    }
    if (r.cascade) {
        key(out, "cascade", first);
        raw(out, "true");
    }
    if (r.proxy) {
        key(out, "proxy", first);
        raw(out, "true");
    }
    out.push_back('}');
}

// ---- reading ---------------------------------------------------------------------------------

using simdjson::dom::element;
using simdjson::dom::element_type;

struct parsed {
    member_state member;
    request req;
    lang l = lang::ja;
};

/// Why a request could not be read: the message, the exact field path (`request.colour`,
/// `member.levels[1]`), and for JSON that does not parse, where (1-based; 0 when unknown).
struct bad {
    const bitext* message = nullptr;
    std::string_view field;
    std::string path; ///< storage for a composed field path
    std::uint32_t line = 0, column = 0;
};

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

/// A thread's reader: the parser and the padded copy of the input are reused between calls,
/// and so is the block mg_plan_json's responses are written in before their copy out.
struct reader {
    simdjson::dom::parser parser{max_request_bytes};
    std::string buffer;
    out_buffer scratch;
    bool ready = false;
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
    }();
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
    struct locator : nlohmann::json_sax<nlohmann::json> {
        std::size_t at = 0;
        bool failed = false;
        bool null() override { return true; }
        bool boolean(bool) override { return true; }
        bool number_integer(number_integer_t) override { return true; }
        bool number_unsigned(number_unsigned_t) override { return true; }
        bool number_float(number_float_t, const string_t&) override { return true; }
        bool string(string_t&) override { return true; }
        bool binary(binary_t&) override { return true; }
        bool start_object(std::size_t) override { return true; }
        bool key(string_t&) override { return true; }
        bool end_object() override { return true; }
        bool start_array(std::size_t) override { return true; }
        bool end_array() override { return true; }
        bool parse_error(std::size_t position, const std::string&,
                         const nlohmann::detail::exception&) override {
            at = position, failed = true;
            return false;
        }
    } sax;
    try {
        nlohmann::json::sax_parse(input.begin(), input.end(), &sax);
    } catch (const std::bad_alloc&) {
        throw;
    } catch (...) {
        return;
    }
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

/// Parses a whole request. On failure, `b` says why and `p.l` holds the language if it could
/// be read (messages follow the request's own `lang` where possible).
/// `padded`: input_padding readable bytes follow `input`, which is then parsed in place.
const bad* read(std::string_view input, parsed& p, bad& b, bool padded) {
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
        case simdjson::CAPACITY:
            return fail(texts::json_too_large, "");
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

void write_line_field(sink& out, std::size_t line, bool& first) {
    if (line == 0) return;
    key(out, "line", first);
    number(out, line);
}

/// True if any of the 8 bytes in `w` is below 0x20, a quote or a backslash: the exact "any
/// byte" tests of the bit-twiddling hacks (hasless, haszero), eight bytes at a time.
inline bool needs_escape(std::uint64_t w) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    const std::uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
    return (((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
            ((backslash - ones) & ~backslash)) &
           high;
}

inline bool needs_escape(unsigned char c) noexcept {
    return json_escaped(static_cast<char>(c));
}

/// The index of the first byte at or after `i` that needs escaping, or `n`: sixteen bytes at a
/// time with SSE2, then eight with plain integers, then one by one.
inline std::size_t next_to_escape(const char* d, std::size_t n, std::size_t i) noexcept {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'),
                  control = _mm_set1_epi8(0x1f);
    for (; i + 16 <= n; i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
        const __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                         _mm_cmpeq_epi8(_mm_min_epu8(x, control), x)); // x <= 0x1f, unsigned
        if (const int mask = _mm_movemask_epi8(hit))
            return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
    if (i < n && n >= 16) { // the last 1-15 bytes: test the string's last 16 bytes, and drop
        // the bits of those before i
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + n - 16));
        const __m128i hit =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                         _mm_cmpeq_epi8(_mm_min_epu8(x, control), x));
        const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit)) >> (16 - (n - i));
        return mask ? i + static_cast<std::size_t>(__builtin_ctz(mask)) : n;
    }
#endif
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, d + i, 8);
        if (needs_escape(w)) break;
    }
    for (; i < n; ++i)
        if (needs_escape(static_cast<unsigned char>(d[i]))) return i;
    return n;
}

void escape(sink& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    const char* d = s.data();
    const std::size_t n = s.size();
    std::size_t run = 0; // start of the current run of bytes that need no escaping
    for (std::size_t i = next_to_escape(d, n, 0); i < n; i = next_to_escape(d, n, i + 1)) {
        const unsigned char c = static_cast<unsigned char>(d[i]);
        out.append(d + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default: {
            const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            out.append(u, 6);
        }
        }
    }
    out.append(d + run, n - run);
}

// The plan's fields come in one fixed order, so each key is written with its punctuation as one
// literal (`,"form":`), not key by key with a "first" flag.
void plan_to(sink& out, const application_plan& p, lang l, std::size_t line, bool sample,
             bool plain) {
    if (line) {
        raw(out, "{\"line\":");
        number(out, line);
        raw(out, ",\"ok\":true,\"operation\":\"");
    } else {
        raw(out, "{\"ok\":true,\"operation\":\"");
    }
    raw(out, to_string(p.op));
    raw(out, "\",\"form\":\"");
    raw(out, to_string(p.form));
    raw(out, "\",\"form_label\":");
    text(out, *p.form_label, l);
    raw(out, ",\"selection\":");
    if (p.sel == selection::none)
        raw(out, "null");
    else
        name(out, to_string(p.sel));
    raw(out, ",\"selection_label\":");
    text_or_null(out, p.selection_label, l);
    raw(out, ",\"checked\":[");
    for (std::size_t i = 0; i < p.checked.size(); ++i) {
        if (i) out.push_back(',');
        association_ref(out, p.checked[i], l, plain);
    }
    level_set chosen;
    per_level<std::string_view> codes, labels;
    for (const category_choice& c : p.categories) {
        chosen.insert(c.lvl);
        codes[c.lvl] = c.code;
        labels[c.lvl] = l == lang::en ? c.label_en : c.label_ja;
    }
    raw(out, "],\"categories\":");
    categories_object(out, chosen, codes);
    raw(out, ",\"category_labels\":{");
    {
        bool f = true;
        for (level x : chosen) {
            key(out, x, f);
            str_or_null(out, labels[x]);
        }
    }
    raw(out, "},\"prerequisites\":[");
    for (std::size_t i = 0; i < p.prerequisites.size(); ++i) {
        if (i) out.push_back(',');
        prerequisite_to(out, p.prerequisites[i], l);
    }
    raw(out, "],\"steps\":");
    text_array(out, p.steps, l);
    raw(out, ",\"manual\":");
    text(out, *p.manual, l);
    raw(out, ",\"actor\":\"");
    raw(out, to_string(p.who));
    // The contract's example exactly; categories only when some are known.
    raw(out, "\",\"result\":{\"municipal\":");
    str_or_null(out, p.result.municipal, plain);
    raw(out, ",\"prefectural\":");
    str_or_null(out, p.result.prefectural, plain);
    raw(out, ",\"levels\":");
    levels_array(out, p.result.levels);
    if (!(given_levels(p.result.categories) & p.result.levels).empty()) {
        raw(out, ",\"categories\":");
        categories_object(out, p.result.levels, p.result.categories);
    }
    raw(out, "},\"notes\":[");
    for (std::size_t i = 0; i < p.notes.size(); ++i) {
        const note& n = p.notes[i];
        raw(out, i ? ",{\"kind\":\"" : "{\"kind\":\"");
        raw(out, to_string(n.kind));
        raw(out, "\",\"text\":");
        text(out, *n.text, l);
        raw(out, ",\"levels\":");
        levels_array(out, n.levels);
        if (!n.association.empty()) {
            raw(out, ",\"association\":");
            str(out, n.association, plain);
        }
        out.push_back('}');
    }
    if (sample) { // the door planned on the bundled sample master (issue 17)
        if (!p.notes.empty()) out.push_back(',');
        raw(out, "{\"kind\":\"sample_directory\",\"text\":");
        text(out, texts::sample_note, l);
        raw(out, ",\"levels\":[]}");
    }
    raw(out, "],\"rule\":");
    name(out, p.rule); // one of rules.hpp's own identifiers
    raw(out, ",\"reason\":");
    str_or_null(out, p.reason);
    raw(out, ",\"case\":{\"label\":");
    text_or_null(out, p.guide_case, l);
    raw(out, ",\"instruction\":");
    text_or_null(out, p.guide_instruction, l);
    raw(out, "}}");
}

/// Escapes what refusal_text.hpp writes, straight into the sink.
struct escaping_out {
    sink& s;
    void append(const char* p, std::size_t n) { escape(s, std::string_view(p, n)); }
};

/// A value at fault longer than this is not echoed in `value` (the message quotes its start).
constexpr std::size_t max_value_bytes = 256;

/// The refusal's extra fields (docs/decisions.md): what is at fault, named.
void refusal_details(sink& out, const refusal& r, lang l, const directory* dir) {
    if (!r.levels.empty()) {
        raw(out, ",\"levels\":");
        levels_array(out, r.levels);
    }
    if (!r.associations.empty()) {
        raw(out, ",\"associations\":[");
        for (std::size_t i = 0; i < r.associations.size(); ++i) {
            if (i) out.push_back(',');
            association_ref(out, r.associations[i], l, dir && dir->plain_strings());
        }
        out.push_back(']');
    }
    if (!r.value.empty() && r.value.size() <= max_value_bytes) {
        raw(out, ",\"value\":");
        str(out, r.value);
    }
    if (r.problem != state_problem::none) {
        raw(out, ",\"problem\":");
        name(out, to_string(r.problem));
    }
    if (r.line) {
        raw(out, ",\"position\":{\"line\":");
        number(out, r.line);
        raw(out, ",\"column\":");
        number(out, r.column);
        out.push_back('}');
    }
    if (!dir) return;
    if (r.code == refusal_code::unknown_category && !r.associations.empty()) {
        raw(out, ",\"allowed\":[");
        const auto entries = accepted_categories(*dir, r.associations[0].id, l);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (i) out.push_back(',');
            raw(out, "{\"code\":");
            str(out, entries[i].code);
            raw(out, ",\"label\":");
            str(out, entries[i].label);
            out.push_back('}');
        }
        out.push_back(']');
    }
    if (r.code == refusal_code::unknown_association) {
        raw(out, ",\"candidates\":[");
        const auto found = association_candidates(*dir, r.value);
        for (std::size_t i = 0; i < found.size(); ++i) {
            if (i) out.push_back(',');
            const association& a = (*dir)[found[i]];
            raw(out, "{\"code\":");
            str(out, a.code);
            raw(out, ",\"name\":");
            str(out, a.name_in(l));
            raw(out, ",\"level\":");
            name(out, to_string(a.lvl));
            out.push_back('}');
        }
        out.push_back(']');
    }
}

void refusal_to(sink& out, const refusal& r, lang l, std::size_t line, const directory* dir) {
    out.push_back('{');
    bool first = true;
    write_line_field(out, line, first);
    key(out, "ok", first);
    raw(out, "false,\"error\":{\"code\":");
    name(out, to_string(r.code));
    raw(out, ",\"message\":\"");
    escaping_out msg{out};
    write_refusal_message(msg, r, l);
    out.push_back('"');
    if (!r.field.empty()) {
        raw(out, ",\"field\":");
        str(out, r.field);
    }
    refusal_details(out, r, l, dir);
    if (r.suggestion) {
        raw(out, ",\"suggestion\":");
        write_request(out, *r.suggestion);
    }
    raw(out, "}}");
}

} // namespace

void append_escaped(std::string& out, std::string_view s) {
    sink w(out);
    escape(w, s);
    w.flush();
}

void write_plan(std::string& out, const application_plan& p, lang l, std::size_t line) {
    sink w(out);
    plan_to(w, p, l, line, false, false);
    w.flush();
}

void write_plan(std::string& out, const directory& dir, const application_plan& p, lang l,
                std::size_t line) {
    sink w(out);
    plan_to(w, p, l, line, dir.is_sample(), dir.plain_strings());
    w.flush();
}

void write_refusal(std::string& out, const refusal& r, lang l, std::size_t line) {
    sink w(out);
    refusal_to(w, r, l, line, nullptr);
    w.flush();
}

void write_refusal(std::string& out, const directory& dir, const refusal& r, lang l,
                   std::size_t line) {
    sink w(out);
    refusal_to(w, r, l, line, &dir);
    w.flush();
}

namespace {
/// Drops what a failed response wrote (respond()).
void cut(std::string& out, std::size_t n) {
    out.resize(n);
}
void cut(out_buffer& out, std::size_t n) {
    out.truncate(n);
}

template <class Out>
void refusal_only_to(Out& out, const bitext& message, std::string_view field, lang l,
                     std::size_t line) {
    sink w(out);
    refusal_to(w, refusal{refusal_code::invalid_request, &message, field, std::nullopt}, l, line,
               nullptr);
    w.flush();
}
} // namespace

void write_refusal_only(std::string& out, const bitext& message, std::string_view field, lang l,
                        std::size_t line) {
    refusal_only_to(out, message, field, l, line);
}

void write_refusal_only(out_buffer& out, const bitext& message, std::string_view field, lang l,
                        std::size_t line) {
    refusal_only_to(out, message, field, l, line);
}

namespace {
/// The response to one request, into a sink (respond(), respond_owned()). Throws only
/// std::bad_alloc.
int respond_to(sink& out, const directory& dir, std::string_view input, std::size_t line,
               bool padded = false) {
    // A UTF-8 BOM before the request (Windows editors write one; in a batch, before line 1).
    if (input.substr(0, 3) == "\xEF\xBB\xBF") input.remove_prefix(3);
    parsed p;
    bad b{};
    if (const bad* e = read(input, p, b, padded)) {
        refusal no{refusal_code::invalid_request, e->message, e->field, std::nullopt};
        no.line = e->line;
        no.column = e->column;
        refusal_to(out, no, p.l, line, nullptr);
        return static_cast<int>(refusal_code::invalid_request);
    }
    const plan_result res = plan(dir, p.member, p.req);
    if (res) {
        plan_to(out, *res, p.l, line, dir.is_sample(), dir.plain_strings());
        return 0;
    }
    refusal_to(out, res.error(), p.l, line, &dir);
    return static_cast<int>(res.error().code);
}
} // namespace

namespace {
/// respond()'s two forms: the response appended to `out`, or nothing if it failed.
template <class Out>
int respond_into(const directory& dir, std::string_view input, Out& out, std::size_t line,
                 bool padded) noexcept {
    const std::size_t start = out.size();
    try {
        sink w(out);
        const int status = respond_to(w, dir, input, line, padded);
        w.flush();
        return status;
    } catch (...) {
        cut(out, start);
        return -1;
    }
}
} // namespace

int respond(const directory& dir, std::string_view input, std::string& out,
            std::size_t line) noexcept {
    return respond_into(dir, input, out, line, false);
}

int respond(const directory& dir, std::string_view input, out_buffer& out, std::size_t line,
            bool padded) noexcept {
    return respond_into(dir, input, out, line, padded);
}

std::string_view respond_scratch(const directory& dir, std::string_view input,
                                 int& status) noexcept {
    out_buffer* scratch = nullptr;
    try {
        scratch = &thread_reader().scratch;
        scratch->clear();
        sink w(*scratch);
        status = respond_to(w, dir, input, 0);
        w.flush();
    } catch (...) {
        if (scratch) scratch->release_memory();
        status = -1;
        return {};
    }
    return scratch->view();
}

void release_scratch_if_large() noexcept {
    // Keep a block for the usual response; give back one a huge request grew.
    out_buffer& scratch = thread_reader().scratch;
    if (scratch.size() > (std::size_t(64) << 10)) scratch.release_memory();
}

char* respond_owned(const directory& dir, std::string_view input, int& status) noexcept {
    // Written in the thread's scratch block, then copied into a block of exactly its size:
    // one small allocation, as the caller will free it, instead of a large one shrunk after.
    const std::string_view r = respond_scratch(dir, input, status);
    if (status < 0) return nullptr;
    char* p = static_cast<char*>(std::malloc(r.size() + 1));
    if (p) {
        std::memcpy(p, r.data(), r.size());
        p[r.size()] = '\0';
    } else {
        status = -1;
    }
    release_scratch_if_large();
    return p;
}

namespace {
void guide_node_json(sink& out, const guide_node& n, lang l) {
    bool f = true;
    out.push_back('{');
    key(out, "id", f);
    str(out, n.id);
    key(out, "title", f);
    text(out, n.title, l);
    key(out, "text", f);
    text(out, n.text, l);
    if (!n.leaf) {
        key(out, "answers", f);
        out.push_back('[');
        for (std::size_t i = 0; i < n.answer_count; ++i) {
            if (i) out.push_back(',');
            bool g = true;
            out.push_back('{');
            key(out, "value", g);
            str(out, n.answers[i].value);
            key(out, "label", g);
            text(out, n.answers[i].label, l);
            key(out, "next", g);
            str(out, n.answers[i].next);
            out.push_back('}');
        }
        out.push_back(']');
        if (n.sets_mypage) {
            key(out, "sets", f);
            str(out, "member.mypage");
        }
    } else {
        key(out, "request", f);
        out.push_back('{');
        bool g = true;
        key(out, "operation", g);
        name(out, to_string(n.op));
        if (!n.levels.empty()) {
            key(out, "levels", g);
            levels_array(out, n.levels);
        }
        out.push_back('}');
        if (n.member_levels_fixed) {
            key(out, "member_levels", f);
            levels_array(out, n.member_levels);
        }
        key(out, "inputs", f);
        out.push_back('[');
        static constexpr std::string_view input_names[] = {
            "member.municipal",   "member.levels",  "request.municipal", "request.municipal",
            "request.categories", "request.levels", "request.reason"};
        for (std::size_t i = 0; i < n.input_count; ++i) {
            if (i) out.push_back(',');
            bool h = true;
            out.push_back('{');
            key(out, "field", h);
            str(out, input_names[static_cast<std::size_t>(n.inputs[i])]);
            key(out, "label", h);
            text(out, label(n.inputs[i]), l);
            out.push_back('}');
        }
        out.push_back(']');
    }
    out.push_back('}');
}
} // namespace

void write_guide(std::string& string_out, lang l) {
    sink out(string_out);
    raw(out, "{\"root\":");
    str(out, guide_root().id);
    raw(out, ",\"nodes\":[");
    for (const guide_node* n = guide_begin(); n != guide_end(); ++n) {
        if (n != guide_begin()) out.push_back(',');
        guide_node_json(out, *n, l);
    }
    raw(out, "]}");
    out.flush();
}

// ---- the web guide -----------------------------------------------------------------------------

void write_web_texts(std::string& string_out, lang l) {
    sink out(string_out);
    raw(out, "{\"lang\":");
    name(out, l == lang::en ? "en" : "ja");
    raw(out, ",\"texts\":{");
    bool f = true;
    for (const texts::web_text& t : texts::web_texts) {
        key(out, t.key, f);
        text(out, t.text, l);
    }
    raw(out, "},\"levels\":{");
    f = true;
    for (level x : all_levels) {
        key(out, to_string(x), f);
        text(out, label(x), l);
    }
    // The three states a member can be in (the legal chains), for "the levels held now".
    raw(out, "},\"held\":[");
    for (unsigned k = 1; k <= 3; ++k) {
        const level_set chain = level_set::chain(k);
        if (k > 1) out.push_back(',');
        raw(out, "{\"levels\":");
        levels_array(out, chain);
        raw(out, ",\"label\":\"");
        bool first = true;
        for (level x : chain) {
            if (!first) escape(out, texts::cli::plus.get(l));
            first = false;
            escape(out, label(x).get(l));
        }
        raw(out, "\"}");
    }
    raw(out, "],\"desk\":{\"name\":");
    text(out, texts::desk_name, l);
    raw(out, ",\"phone\":");
    str(out, texts::desk_phone);
    raw(out, ",\"mail\":");
    str(out, texts::desk_mail);
    raw(out, ",\"hours\":");
    text(out, texts::desk_hours, l);
    raw(out, "}}");
    out.flush();
}

// ---- the directory, the desk, the holidays, a loader's refusal --------------------------------

namespace {

void catalogue_json(sink& out, const directory& dir, association_id v, lang l) {
    const association& a = dir[v];
    if (a.lvl == level::national) {
        out.push_back('[');
        for (std::size_t k = 0; k < jma_categories.size(); ++k) {
            if (k) out.push_back(',');
            bool f = true;
            out.push_back('{');
            key(out, "code", f);
            str(out, jma_categories[k].code);
            key(out, "label", f);
            text(out, jma_categories[k].label, l);
            key(out, "description", f);
            text(out, jma_categories[k].who, l);
            out.push_back('}');
        }
        out.push_back(']');
    } else if (const catalogue* cat = dir.catalogue_of(v)) {
        out.push_back('[');
        for (std::size_t k = 0; k < cat->entries.size(); ++k) {
            if (k) out.push_back(',');
            bool f = true;
            out.push_back('{');
            key(out, "code", f);
            str(out, cat->entries[k].code);
            key(out, "label", f);
            str(out, cat->entries[k].label);
            key(out, "description", f);
            raw(out, "null");
            out.push_back('}');
        }
        out.push_back(']');
    } else {
        raw(out, "null");
    }
}

void association_json(sink& out, const directory& dir, association_id v, lang l) {
    const association& a = dir[v];
    bool f = true;
    out.push_back('{');
    key(out, "code", f);
    str(out, a.code);
    key(out, "level", f);
    name(out, to_string(a.lvl));
    key(out, "name", f);
    str(out, a.name);
    key(out, "name_en", f);
    str_or_null(out, a.name_en);
    key(out, "parent", f);
    if (const auto p = dir.parent(v))
        str(out, dir[*p].code);
    else
        raw(out, "null");
    key(out, "categories", f);
    catalogue_json(out, dir, v, l);
    out.push_back('}');
}

void instant_json(sink& out, std::int64_t t) {
    const jst_text s = format_jst(t);
    name(out, s.view());
}

} // namespace

void write_directory(std::string& string_out, const directory& dir,
                     const std::vector<association_id>& hits, lang l) {
    sink out(string_out);
    out.push_back('[');
    for (std::size_t i = 0; i < hits.size(); ++i) {
        raw(out, i ? ",\n " : "\n ");
        association_json(out, dir, hits[i], l);
    }
    raw(out, hits.empty() ? "]" : "\n]");
    out.flush();
}

void write_association(std::string& string_out, const directory& dir, association_id v, lang l) {
    sink out(string_out);
    association_json(out, dir, v, l);
    out.flush();
}

bool write_support(std::string& string_out, const desk& d, std::int64_t at, lang l) {
    const auto st = support_status(d, at);
    if (!st) return false;
    sink out(string_out);
    bool f = true;
    out.push_back('{');
    key(out, "at", f);
    instant_json(out, at);
    key(out, "open", f);
    raw(out, st->open ? "true" : "false");
    key(out, "reason", f);
    name(out, to_string(st->reason));
    const auto holiday = st->label();
    key(out, "holiday", f);
    if (holiday)
        str(out, holiday->ja);
    else
        raw(out, "null");
    key(out, "holiday_en", f);
    if (holiday)
        str(out, holiday->en);
    else
        raw(out, "null");
    key(out, "next_open", f);
    instant_json(out, st->next_open);
    key(out, "phone", f);
    str(out, d.phone);
    key(out, "mail", f);
    str(out, d.email);
    key(out, "status_label", f);
    text(out, (st->open ? texts::desk_open : texts::desk_closed), l);
    key(out, "reason_label", f);
    text(out, label(st->reason), l);
    key(out, "name", f);
    text(out, d.name, l);
    key(out, "hours", f);
    text(out, texts::desk_hours, l);
    out.push_back('}');
    out.flush();
    return true;
}

bool write_holidays(std::string& string_out, int year, lang l) {
    const auto list = holidays_in(year);
    if (!list) return false;
    sink out(string_out);
    out.push_back('[');
    char date[16];
    for (std::size_t i = 0; i < list->size(); ++i) {
        const holiday& h = (*list)[i];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", h.date.year, h.date.month, h.date.day);
        raw(out, i ? ",\n " : "\n ");
        bool f = true;
        out.push_back('{');
        key(out, "date", f);
        name(out, date);
        key(out, "name", f);
        str(out, h.name().ja);
        key(out, "name_en", f);
        str(out, h.name().en);
        key(out, "weekday", f);
        text(out, label(weekday_of(h.date)), l);
        out.push_back('}');
    }
    raw(out, list->empty() ? "]" : "\n]");
    out.flush();
    return true;
}

void write_mypage_step(std::string& string_out, mypage page, lang l) {
    sink out(string_out);
    const auto pre = mypage_prerequisites(page);
    if (pre.empty())
        raw(out, "null");
    else
        prerequisite_to(out, pre[0], l);
    out.flush();
}

void write_load_error(std::string& string_out, const load_error& e, lang l) {
    sink out(string_out);
    raw(out, "{\"ok\":false,\"error\":{\"code\":\"load_error\",\"kind\":");
    name(out, to_string(e.kind));
    raw(out, ",\"message\":");
    str(out, e.message(l));
    raw(out, ",\"source\":");
    str(out, e.file);
    raw(out, ",\"line\":");
    if (e.line) {
        number(out, e.line);
    } else {
        raw(out, "null");
    }
    raw(out, ",\"detail\":");
    str_or_null(out, e.detail);
    raw(out, "}}");
    out.flush();
}

int write_guide_categories(std::string& string_out, const directory& dir, std::string_view leaf,
                           std::string_view member_municipal, level_set member_levels,
                           std::string_view municipal, level_set levels, lang l) {
    sink out(string_out);
    auto fail = [&](refusal_code code, const bitext& message, std::string_view field) {
        refusal_to(out, refusal{code, &message, field, std::nullopt}, l, 0, &dir);
        out.flush();
        return static_cast<int>(code);
    };
    const guide_node* n = guide_find(leaf);
    bool asks = false;
    if (n && n->leaf)
        for (std::size_t i = 0; i < n->input_count; ++i)
            if (n->inputs[i] == guide_input::categories) asks = true;
    if (!asks) return fail(refusal_code::invalid_request, texts::msg_invalid_request, "leaf");
    // The chain whose associations are joined, added or changed: the association to join or
    // move to for join and transfer, the member's own otherwise (as `mamisguide guide` asks).
    const bool to_new = n->op == operation::join || n->op == operation::transfer;
    const auto m = detail::municipal_of(dir, to_new ? municipal : member_municipal);
    if (!m) {
        refusal r = m.error();
        if (!to_new) r.field = "member.municipal";
        refusal_to(out, r, l, 0, &dir);
        out.flush();
        return static_cast<int>(r.code);
    }
    level_set which = n->levels;
    if (n->op == operation::change_category) which = levels & member_levels;
    if (n->op == operation::transfer) {
        const auto from = detail::municipal_of(dir, member_municipal);
        if (!from) {
            refusal r = from.error();
            r.field = "member.municipal";
            refusal_to(out, r, l, 0, &dir);
            out.flush();
            return static_cast<int>(r.code);
        }
        which = transfer_changes(dir, *from, *m, member_levels);
    }
    const auto chain = dir.chain(*m);
    raw(out, "{\"ok\":true,\"categories\":[");
    bool first_level = true;
    for (level x : which) {
        if (index_of(x) >= chain.size()) continue;
        const association_id v = chain[index_of(x)];
        const association& a = dir[v];
        if (!first_level) out.push_back(',');
        first_level = false;
        bool f = true;
        out.push_back('{');
        key(out, "level", f);
        name(out, to_string(x));
        key(out, "code", f);
        str(out, a.code);
        key(out, "name", f);
        str(out, a.name_in(l));
        key(out, "choices", f);
        catalogue_json(out, dir, v, l);
        out.push_back('}');
    }
    raw(out, "]}");
    out.flush();
    return 0;
}

} // namespace mamisguide::json
