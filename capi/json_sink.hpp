// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the JSON writers' common parts (internal to capi/): the sink they write into and
// the tiny helpers that write a value, shared by json_write.cpp (the contract's answers),
// json_web.cpp (the other shapes) and json_escape.cpp (the escaper).
#pragma once

#include "json.hpp"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

// The writers' tiny helpers are called ~100 times per response with literal arguments:
// inlined, their copies become a few moves. Not forced in a coverage build (MAMISGUIDE_COVERAGE),
// so that gcov counts each helper's branches once, not once per call site.
#if defined(__GNUC__) && !defined(MAMISGUIDE_COVERAGE)
#define MG_JSON_INLINE inline __attribute__((always_inline))
#else
#define MG_JSON_INLINE inline
#endif

namespace mamisguide::json {

/// The writer's way into an out_buffer's storage (sink, below).
class writer_access {
public:
    static char*& data(out_buffer& b) noexcept { return b.data_; }
    static std::size_t& size(out_buffer& b) noexcept { return b.size_; }
    static std::size_t& cap(out_buffer& b) noexcept { return b.cap_; }
};

/// The writers' internals (json_sink.hpp).
namespace emit {

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
        copy(buf_ + n_, p, len);
        n_ += len;
    }
    sink& operator+=(std::string_view s) {
        append(s.data(), s.size());
        return *this;
    }
    /// A run of at most `most` bytes (<= 4096) written through the caller's own pointer:
    /// `run()` makes room and says where to write, `done()` takes where the run ended. Bytes
    /// stored through the sink's own members make the compiler load the members again after
    /// each one (a char may alias anything); a local pointer stays in a register. The hot
    /// writers (categories, associations) write their pieces this way.
    MG_JSON_INLINE char* run(std::size_t most) {
        if (most > cap_ - n_) make_room(most);
        return buf_ + n_;
    }
    MG_JSON_INLINE void done(char* end) noexcept { n_ = static_cast<std::size_t>(end - buf_); }
    /// Copies `n` bytes to `d` (inline for short ones: copy, below); returns the end.
    static MG_JSON_INLINE char* put(char* d, const char* s, std::size_t n) noexcept {
        copy(d, s, n);
        return d + n;
    }
    static MG_JSON_INLINE char* put(char* d, std::string_view s) noexcept {
        return put(d, s.data(), s.size());
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
    /// `n` bytes (a word's size to twice that) as two words that may overlap.
    template <class Word>
    static MG_JSON_INLINE void two_words(char* d, const char* s, std::size_t n) noexcept {
        Word a, b;
        std::memcpy(&a, s, sizeof a);
        std::memcpy(&b, s + n - sizeof b, sizeof b);
        std::memcpy(d, &a, sizeof a);
        std::memcpy(d + n - sizeof b, &b, sizeof b);
    }

    /// Short pieces (codes, names, most keys) copied inline, with two overlapping loads and
    /// stores instead of a call to memcpy; longer ones by memcpy.
    static MG_JSON_INLINE void copy(char* d, const char* s, std::size_t n) noexcept {
        // A length the compiler knows (a literal) is copied by its own memcpy: it inlines it.
        if (__builtin_constant_p(n) || n > 16) {
            if (n) std::memcpy(d, s, n);
        } else if (n >= 8) {
            two_words<std::uint64_t>(d, s, n);
        } else if (n >= 4) {
            two_words<std::uint32_t>(d, s, n);
        } else if (n) {
            d[0] = s[0];
            d[n / 2] = s[n / 2];
            d[n - 1] = s[n - 1];
        }
    }

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

/// Appends `s` escaped (json_escape.cpp).
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
void number(sink& out, std::uint64_t n);
/// A set of levels: ["municipal",…].
void levels_array(sink& out, level_set s);
/// {level: code} for the levels in `s` whose code is not empty.
void categories_object(sink& out, level_set s, const per_level<std::string_view>& c);
void text_array(sink& out, const fixed_vector<const bitext*, 8>& v, lang l);
/// The support desk: {"name", "phone", "mail", "hours"}.
void support_object(sink& out, lang l);
/// One prerequisite of STEP 1 (a plan's "prerequisites" entry, mg_mypage_step_json).
void prerequisite_to(sink& out, const prerequisite& q, lang l);
/// A refusal in the contract's shape; `dir` (may be null) adds the fields that need it.
void refusal_to(sink& out, const refusal& r, lang l, std::size_t line, const directory* dir);
/// A plan in the contract's shape.
void plan_to(sink& out, const application_plan& p, lang l, std::size_t line, bool sample,
             bool plain);

} // namespace emit
} // namespace mamisguide::json
