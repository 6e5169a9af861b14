// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — one request in, one response out (json.hpp's respond…).
#include "json_read.hpp"
#include "json_sink.hpp"

#include <cstdlib>
#include <cstring>

namespace mamisguide::json {

using namespace emit;
using namespace reading;

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
/// Drops what a failed response wrote (respond()).
void cut(std::string& out, std::size_t n) {
    out.resize(n);
}
void cut(out_buffer& out, std::size_t n) {
    out.truncate(n);
}

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

std::string_view respond_scratch(const directory& dir, std::string_view input, int& status,
                                 out_buffer*& scratch) noexcept {
    scratch = nullptr;
    try {
        scratch = &thread_scratch();
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

void release_scratch_if_large(out_buffer& scratch) noexcept {
    if (scratch.size() > (std::size_t(64) << 10)) scratch.release_memory();
}

char* respond_owned(const directory& dir, std::string_view input, int& status) noexcept {
    // Written in the thread's scratch block, then copied into a block of exactly its size:
    // one small allocation, as the caller will free it, instead of a large one shrunk after.
    out_buffer* scratch;
    const std::string_view r = respond_scratch(dir, input, status, scratch);
    if (status < 0) return nullptr;
    char* p = static_cast<char*>(std::malloc(r.size() + 1));
    if (p) {
        std::memcpy(p, r.data(), r.size());
        p[r.size()] = '\0';
    } else {
        status = -1;
    }
    release_scratch_if_large(*scratch);
    return p;
}

} // namespace mamisguide::json
