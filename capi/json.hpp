// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the JSON contract (contract.md): one request in, one response out.
//
// Internal to the C ABI and the command line: the core headers never include this, so a C++
// user of the core needs no JSON library. Parsing is simdjson (strict: UTF-8, structure,
// escapes), writing is a small writer that escapes every string it did not write itself.
#pragma once

#include <mamisguide/answers.hpp>
#include <mamisguide/mamisguide.hpp>
#include <mamisguide/refusal_text.hpp>
#include <mamisguide/texts/web.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace mamisguide::json {

/// Requests (and batch lines) larger than this are refused unread with invalid_request.
inline constexpr std::size_t max_request_bytes = std::size_t(1) << 20;
/// Deepest nesting accepted; a valid request nests three deep.
inline constexpr std::size_t max_depth = 32;

/// A growable block of bytes that responses are written straight into: a batch's output
/// (`mamisguide batch`, POST /v1/batch), where a std::string would cost a second copy of every
/// response (a string's spare capacity cannot be written and then kept). Memory from malloc:
/// reserve() takes what is asked, appends beyond it double the block; clear() keeps it,
/// release_memory() gives it back.
class out_buffer {
public:
    out_buffer() noexcept = default;
    ~out_buffer();
    out_buffer(const out_buffer&) = delete;
    out_buffer& operator=(const out_buffer&) = delete;

    const char* data() const noexcept { return data_; }
    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    std::string_view view() const noexcept { return {data_, size_}; }
    void clear() noexcept { size_ = 0; }
    /// Drops the bytes from `n` on (n <= size()).
    void truncate(std::size_t n) noexcept {
        if (n < size_) size_ = n;
    }
    void reserve(std::size_t n); ///< capacity for at least `n` bytes; throws std::bad_alloc
    void append(std::string_view s) {
        if (s.size() > cap_ - size_) reserve(size_ + s.size());
        if (!s.empty()) std::memcpy(data_ + size_, s.data(), s.size());
        size_ += s.size();
    }
    void push_back(char c) {
        if (size_ == cap_) reserve(size_ + 1);
        data_[size_++] = c;
    }
    void release_memory() noexcept; ///< empty, and the memory returned
    /// Hands the block over (for std::free; nullptr when nothing was ever reserved), leaving
    /// the buffer empty: what the C ABI returns, without a copy.
    char* release() noexcept {
        char* p = data_;
        data_ = nullptr;
        size_ = cap_ = 0;
        return p;
    }

private:
    friend class writer_access;
    char* data_ = nullptr;
    std::size_t size_ = 0, cap_ = 0;
};

/// Appends the response to one JSON request (contract.md) to `out` and returns its status:
/// 0 for a plan, the refusal code (1…14) for a refusal. `line` > 0 adds the batch field
/// "line". Never throws; on allocation failure it returns -1 with `out` unspecified.
int respond(const directory& dir, std::string_view request, std::string& out,
            std::size_t line = 0) noexcept;

/// The same, written straight into `out`. `padded`: json::input_padding readable bytes follow
/// `request` in memory (their content does not matter), so that the parser reads it in place
/// instead of copying it first (a line inside a batch's read buffer).
int respond(const directory& dir, std::string_view request, out_buffer& out, std::size_t line,
            bool padded = false) noexcept;

/// simdjson picks its implementation (SSE, AVX2, …) on first use and allocates then, inside
/// noexcept constructors: a failed allocation there would terminate the process. json_read.cpp
/// makes that first use when the library is loaded; this is called again before every parse (a
/// flag's test after the first), in case a static initializer parses before that.
void simdjson_first_use();

/// Bytes that must be readable after a request for respond(…, padded = true): simdjson's
/// padding (json_read.cpp checks that they agree).
inline constexpr std::size_t input_padding = 64;

/// The same response as respond() (without "line"), in a block of its own, NUL-terminated,
/// for std::free: what mg_plan_json hands out (written in the thread's scratch block, then
/// copied once into a block of its own size). `status` as respond() returns it. Never throws;
/// on allocation failure it returns nullptr and status -1.
char* respond_owned(const directory& dir, std::string_view request, int& status) noexcept;

/// The same response, written in the thread's scratch block, which `scratch` is set to (nullptr
/// if there was none): valid until the thread's next respond_scratch or respond_owned (call
/// release_scratch_if_large(*scratch) when done with it). On allocation failure, status -1 and
/// an empty view.
std::string_view respond_scratch(const directory& dir, std::string_view request, int& status,
                                 out_buffer*& scratch) noexcept;
/// Keeps the thread's block for the usual response; gives back one a huge request grew.
void release_scratch_if_large(out_buffer& scratch) noexcept;

/// Appends a refusal response for a request that could not be read at all (e.g. a batch line
/// that is too long), with the message in `l`.
void write_refusal_only(std::string& out, const bitext& message, std::string_view field, lang l,
                        std::size_t line = 0);
void write_refusal_only(out_buffer& out, const bitext& message, std::string_view field, lang l,
                        std::size_t line);

/// JSON string escaping (quotes, backslash, control characters as \uXXXX), appended to `out`.
void append_escaped(std::string& out, std::string_view s);
/// `s` when it is valid UTF-8; else a copy of it in `storage` with each byte that is not part of
/// valid UTF-8 written as '?'. For bytes a client or a file system gave (a path, a file's name),
/// written into JSON, which is UTF-8 (RFC 8259 §8.1).
std::string_view marked_utf8(std::string_view s, std::string& storage);

/// The guide tree (guide.hpp) as JSON, for wizards and web forms.
void write_guide(std::string& out, lang l);

/// Associations as a JSON array, one object per line: `{"code", "level", "name", "name_en"
/// (or null), "parent" (or null), "categories"}`, where categories is JMA's catalogue (with
/// each category's "description"; null for a loaded catalogue's), the association's loaded
/// catalogue, or null.
void write_directory(std::string& out, const directory& dir,
                     const std::vector<association_id>& hits, lang l);
/// One association, the same object as in write_directory.
void write_association(std::string& out, const directory& dir, association_id v, lang l);

/// The desk at an instant: `{"at", "open", "reason", "holiday", "holiday_en", "next_open",
/// "phone", "mail", "status_label", "reason_label", "name", "hours"}` (the labels in `l`).
/// Returns false, writing nothing, when support_status refuses the instant (outside 2000–2099)
/// or the desk.
bool write_support(std::string& out, const desk& d, std::int64_t at, lang l);

/// A year's holidays: `[{"date", "name", "name_en", "weekday"}]` in date order, one per line.
/// Returns false, writing nothing, outside 2000–2099.
bool write_holidays(std::string& out, int year, lang l);

/// STEP 1 for a MyPage answer: the plan's prerequisite object (`{"kind", "steps", "manual",
/// …}`), or null for `yes`.
void write_mypage_step(std::string& out, mypage page, lang l);

/// A master or catalogue that was refused: `{"ok": false, "error": {"code": "load_error",
/// "kind", "message", "source", "line" (or null), "detail" (or null)}}`.
void write_load_error(std::string& out, const load_error& e, lang l);

/// The web guide's own words (texts/web.hpp) in `l`, with the level names:
/// {"lang":"ja","texts":{key:text,…},"levels":{"municipal":…,"prefectural":…,"national":…}}.
void write_web_texts(std::string& out, lang l);

/// The category questions of a guide leaf that asks for categories (guide_input::categories):
/// which associations the request joins, adds, changes or enters, each with its catalogue's
/// choices (JMA's five with their descriptions; null when no catalogue is loaded, so any code
/// is accepted). {"ok":true,"categories":[{"level","code","name","choices":[{"code","label",
/// "description"}]|null}]}. `levels` is used by change_category (the held levels that change);
/// the member's state by additional_join, change_category and transfer. A leaf that asks no
/// category, or an association that is missing, unknown or not municipal, gives the contract's
/// refusal shape and its code (> 0); 0 otherwise.
int write_guide_categories(std::string& out, const directory& dir, std::string_view leaf,
                           std::string_view member_municipal, level_set member_levels,
                           std::string_view municipal, level_set levels, lang l);

/// A plan, a refusal, in the contract's shape, on the directory it was made on. `line` > 0
/// adds the batch field "line" first. A plan on the bundled sample master
/// (directory::is_sample()) gets a note of kind `sample_directory`; a refusal gets the extra
/// fields that need the directory: `allowed` (unknown_category: the catalogue's codes with
/// labels) and `candidates` (unknown_association: up to 5 associations probably meant).
void write_plan(std::string& out, const directory& dir, const application_plan& p, lang l,
                std::size_t line = 0);
void write_refusal(std::string& out, const directory& dir, const refusal& r, lang l,
                   std::size_t line = 0);

/// A municipal master written as JSON (rules.md §1): an array of objects with the string
/// fields "code", "name", "prefecture" and, optionally, "name_en" (a string or null), and no
/// other field. The same checks as a CSV master (load_master_rows); a refusal names the line
/// the entry starts on (0, the file as a whole, for malformed JSON, where simdjson gives no
/// position). Throws only std::bad_alloc.
/// The bytes are UTF-8 or CP932 as `opts` says, like a CSV master's.
tl::expected<directory, load_error> load_master_json(const directory& base, std::string_view text,
                                                     std::string source = "<buffer>",
                                                     const load_options& opts = {});

/// The bundled sample master (data/sample-municipal.csv, built into the library: real
/// associations with codes of our own), for mg_engine_load_sample.
std::string_view sample_master() noexcept;
/// The sample master loaded onto `base` (UTF-8 whatever `opts` says; named sample-municipal.csv
/// in notices): what mg_engine_load_sample and the command line without a master use. The
/// caller marks the result as the sample (directory::set_sample). Throws only std::bad_alloc.
tl::expected<directory, load_error> load_sample_master(const directory& base,
                                                       const load_options& opts = {});

/// True when a master's first character (after a UTF-8 BOM and whitespace) is '[' or '{':
/// such a master is read as JSON, anything else as CSV (whose header starts with "code").
bool looks_like_json(std::string_view text) noexcept;

/// A master in either format, told apart by looks_like_json(); from memory or from a file.
tl::expected<directory, load_error> load_master_any(const directory& base, std::string_view text,
                                                    std::string source = "<buffer>",
                                                    const load_options& opts = {});
tl::expected<directory, load_error>
load_master_file_any(const directory& base, const std::string& path, const load_options& opts = {});

// ---- the HTTP service's own shapes (json_http.cpp) --------------------------------------------

/// An error of the HTTP service itself (not a refusal of the contract):
/// {"ok":false,"error":{"code":CODE,"message":…[,"field":…]}}. `code` is one of our own
/// ASCII names (not_found, method_not_allowed, bad_request, …).
void write_http_error(std::string& out, std::string_view code, const bitext& message,
                      std::string_view field, lang l);

/// GET /healthz.
struct health_info {
    std::size_t associations = 0; ///< in the directory being served
    std::size_t master_rows = 0;  ///< municipal associations from the master
    std::int64_t loaded_at = 0;   ///< when that data was loaded (Unix seconds)
    std::int64_t started_at = 0;  ///< when the service started (Unix seconds)
    std::uint64_t reloads = 0;    ///< successful reloads since the start
};
/// {"ok":true,"version":…,"associations":N,"master_rows":N,"loaded_at":"…Z","started_at":"…Z",
///  "reloads":N}
void write_health(std::string& out, const health_info& h);

/// One access-log line of the HTTP service (no newline). Never a body or a query string.
struct access_entry {
    std::int64_t unix_micros = 0; ///< when the request arrived
    std::string_view method, path;
    unsigned status = 0;
    std::uint64_t micros = 0; ///< from the request's header to the last byte of the response
    std::string_view code;    ///< the refusal or error code; empty: none
    std::uint64_t lines = 0;  ///< batch: lines answered (0: not a batch)
};
/// {"time":"2026-11-30T07:00:00.123456Z","method":…,"path":…,"status":N,"us":N,"code":…|null
///  [,"lines":N]}
void write_access(std::string& out, const access_entry& e);

} // namespace mamisguide::json
