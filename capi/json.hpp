// mamisguide — the JSON contract (contract.md): one request in, one response out.
//
// Internal to the C ABI and the command line: the core headers never include this, so a C++
// user of the core needs no JSON library. Parsing is simdjson (strict: UTF-8, structure,
// escapes), writing is a small writer that escapes every string it did not write itself.
#pragma once

#include <mamisguide/answers.hpp>
#include <mamisguide/mamisguide.hpp>
#include <mamisguide/refusal_text.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mamisguide::json {

/// Requests (and batch lines) larger than this are refused unread with invalid_request.
inline constexpr std::size_t max_request_bytes = std::size_t(1) << 20;
/// Deepest nesting accepted; a valid request nests three deep.
inline constexpr std::size_t max_depth = 32;

/// Appends the response to one JSON request (contract.md) to `out` and returns its status:
/// 0 for a plan, the refusal code (1…14) for a refusal. `line` > 0 adds the batch field
/// "line". Never throws; on allocation failure it returns -1 with `out` unspecified.
int respond(const directory& dir, std::string_view request, std::string& out,
            std::size_t line = 0) noexcept;

/// Appends a refusal response for a request that could not be read at all (e.g. a batch line
/// that is too long), with the message in `l`.
void write_refusal_only(std::string& out, const bitext& message, std::string_view field, lang l,
                        std::size_t line = 0);

/// JSON string escaping (quotes, backslash, control characters as \uXXXX), appended to `out`.
void append_escaped(std::string& out, std::string_view s);

/// The guide tree (guide.hpp) as JSON, for wizards and web forms.
void write_guide(std::string& out, lang l);

/// Associations as a JSON array, one object per line: `{"code", "level", "name", "name_en"
/// (or null), "parent" (or null), "categories"}`, where categories is JMA's catalogue (with
/// each category's "description"), the association's loaded catalogue, or null.
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

/// A plan, a refusal, in the contract's shape (exposed for the typed paths and tests).
/// `line` > 0 adds the batch field "line" first.
void write_plan(std::string& out, const application_plan& p, lang l, std::size_t line = 0);
void write_refusal(std::string& out, const refusal& r, lang l, std::size_t line = 0);

/// The same with the directory the plan was made on. A plan on the bundled sample master
/// (directory::is_sample()) gets a note of kind `sample_directory`; a refusal gets the extra
/// fields that need the directory: `allowed` (unknown_category: the catalogue's codes with
/// labels) and `candidates` (unknown_association: up to 5 associations probably meant).
/// respond() writes through these.
void write_plan(std::string& out, const directory& dir, const application_plan& p, lang l,
                std::size_t line = 0);
void write_refusal(std::string& out, const directory& dir, const refusal& r, lang l,
                   std::size_t line = 0);

/// A municipal master written as JSON (rules.md §1): an array of objects with the string
/// fields "code", "name", "prefecture" and, optionally, "name_en" (a string or null), and no
/// other field. The same checks as a CSV master (load_master_rows); a refusal names the line
/// the entry starts on (0, the file as a whole, for malformed JSON, where simdjson gives no
/// position). Throws only std::bad_alloc.
tl::expected<directory, load_error> load_master_json(const directory& base, std::string_view text,
                                                     std::string source = "<buffer>");

/// True when a master's first character (after a UTF-8 BOM and whitespace) is '[' or '{':
/// such a master is read as JSON, anything else as CSV (whose header starts with "code").
bool looks_like_json(std::string_view text) noexcept;

/// A master in either format, told apart by looks_like_json(); from memory or from a file.
tl::expected<directory, load_error> load_master_any(const directory& base, std::string_view text,
                                                    std::string source = "<buffer>");
tl::expected<directory, load_error> load_master_file_any(const directory& base,
                                                         const std::string& path);

} // namespace mamisguide::json
