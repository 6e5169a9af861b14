// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The HTTP service's server (server.hpp), after Beast's advanced server example: an acceptor,
// one session per connection (on one io_context of one per thread), request_parser with limits,
// a deadline per read and write (one lazy timer per connection); a thread that takes the signals
// (sigwait: SIGTERM and SIGINT, the graceful stop; SIGHUP, a reload) and one that reloads.
//
// A session reads a request's header first (under one deadline, so a client that sends half a
// header and stalls is cut off), then picks the body's reader: POST /v1/batch streams the body
// through batch_lines in 64 KiB pieces and answers with chunked JSON Lines as it goes (constant
// memory, each read with its own idle deadline); everything else reads at most 1 MiB into a
// string and calls the pure handler. Pipelined requests wait in the read buffer and are taken
// one after the other.
#include "http/server.hpp"

#include <batch_lines.hpp>

#include "platform.hpp"

#include <json.hpp>
#include <mamisguide/texts/http.hpp>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#ifdef _WIN32
#include <boost/asio/signal_set.hpp>
#endif
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <signal.h>
#ifndef _WIN32
#include <pthread.h>
#endif

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <sstream>
#include <thread>
#include <tuple>
#include <unordered_map>

namespace mg_http {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using beast::error_code;

// One io_context per thread, each connection on one of them: a connection's handlers never run
// at once, with no strand. (A strand in Asio's type-erased executor — the executor of Beast's
// timers — is copied onto the heap inside a noexcept function of Asio's whenever an operation
// starts: a failed allocation there is std::terminate. An io_context's own executor is held in
// place.)
using executor = net::io_context::executor_type;
using socket_type = net::basic_stream_socket<tcp, executor>;
using stream_type = beast::basic_stream<tcp, executor>;

namespace {

constexpr std::size_t header_limit = 16 * 1024;
constexpr std::uint64_t no_limit = std::numeric_limits<std::uint64_t>::max();
constexpr std::size_t batch_piece = 64 * 1024;      ///< body bytes read at a time
constexpr std::size_t batch_out_limit = 256 * 1024; ///< responses written at a time

std::int64_t unix_micros() {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/// One line on standard error in a single write(2), so lines from threads never interleave.
void log_line(std::string line) {
    line.push_back('\n');
    mg_cli::platform::write_stderr(line);
}

/// A log line built in a fixed buffer: for when memory has run out.
void log_static(const bitext& what, lang l, const char* detail = "") noexcept {
    char line[512];
    const int n = std::snprintf(line, sizeof line, "mamisguide: %s%s\n", what.get(l), detail);
    if (n <= 0) return;
    const std::size_t len = std::min(static_cast<std::size_t>(n), sizeof line - 1);
    mg_cli::platform::write_stderr(std::string_view(line, len)); // no allocation on POSIX
}

void log_text(const bitext& what, lang l, std::string_view detail = {}) {
    try {
        std::string s = "mamisguide: ";
        s += what.get(l);
        s.append(detail);
        log_line(std::move(s));
    } catch (const std::bad_alloc&) {
        log_static(what, l, detail.empty() ? "" : "…");
    }
}

class session;

/// Where a request's header fields live: a block the connection keeps, taken from the start at
/// each request (Beast's fields otherwise allocate one node per field). Fields beyond the block
/// (a large header) come from the heap.
struct field_arena {
    alignas(std::max_align_t) char block[2048];
    std::size_t used = 0;
};

template <class T>
struct arena_allocator {
    using value_type = T;
    field_arena* arena;

    explicit arena_allocator(field_arena* a) noexcept : arena(a) {}
    template <class U>
    arena_allocator(const arena_allocator<U>& o) noexcept : arena(o.arena) {}

    T* allocate(std::size_t n) {
        constexpr std::size_t align = alignof(std::max_align_t);
        if (n <= sizeof arena->block / sizeof(T)) {
            const std::size_t bytes = (n * sizeof(T) + align - 1) & ~(align - 1);
            if (bytes <= sizeof arena->block - arena->used) {
                void* p = arena->block + arena->used;
                arena->used += bytes;
                return static_cast<T*>(p);
            }
        }
        return std::allocator<T>().allocate(n);
    }
    void deallocate(T* p, std::size_t n) noexcept {
        const char* c = reinterpret_cast<const char*>(p);
        if (c >= arena->block && c < arena->block + sizeof arena->block) return; // at the reset
        std::allocator<T>().deallocate(p, n);
    }
    template <class U>
    bool operator==(const arena_allocator<U>& o) const noexcept {
        return arena == o.arena;
    }
    template <class U>
    bool operator!=(const arena_allocator<U>& o) const noexcept {
        return arena != o.arena;
    }
};
using fields_allocator = arena_allocator<char>;

/// The CORS headers: none unless --cors named an origin; a preflight's (204) also name the
/// methods.
template <class Fields>
void cors_fields(Fields& res, const std::string& origin, std::string_view preflight_methods) {
    if (origin.empty()) return;
    res.set(http::field::access_control_allow_origin, origin);
    res.set(http::field::vary, "Origin");
    if (!preflight_methods.empty()) {
        res.set(http::field::access_control_allow_methods,
                beast::string_view(preflight_methods.data(), preflight_methods.size()));
        res.set(http::field::access_control_allow_headers, "Content-Type");
        res.set(http::field::access_control_max_age, "600");
    }
}

/// The header of a response but its length: status, version, Connection, the content type,
/// the security headers, Allow, and the CORS headers when --cors names an origin.
template <class Message>
void fill_header(Message& res, const response& r, unsigned version, bool keep,
                 const std::string& cors_origin) {
    res.version(version); // 10 or 11: Beast's parser refuses any other version (bad_version)
    res.result(r.status);
    res.keep_alive(keep);
    if (!r.content_type.empty())
        res.set(http::field::content_type,
                beast::string_view(r.content_type.data(), r.content_type.size()));
    res.set("X-Content-Type-Options", "nosniff");
    // The web guide's page and everything it loads: its own origin only, no inline script
    // or style, and no Referer to anyone.
    if (r.csp.empty())
        res.set("Content-Security-Policy", "default-src 'self'");
    else // the single file: its own policy (its script and style by hash, no network)
        res.set("Content-Security-Policy", beast::string_view(r.csp.data(), r.csp.size()));
    res.set("Referrer-Policy", "no-referrer");
    if (!r.allow.empty())
        res.set(http::field::allow, beast::string_view(r.allow.data(), r.allow.size()));
    cors_fields(res, cors_origin, r.status == 204 ? r.allow : std::string_view());
}

/// The header block of a keep-alive HTTP/1.1 JSON answer to POST /v1/plan (status 200 or
/// 400), rendered once at start by Beast itself — the bytes send() would write — up to its
/// last field, "Content-Length: N\r\n\r\n", which is written per request.
std::string render_plan_head(unsigned status, const std::string& cors_origin) {
    http::response<http::empty_body> res;
    response r;
    r.status = status;
    r.content_type = json_type;
    fill_header(res, r, 11, true, cors_origin);
    res.content_length(0);
    std::ostringstream os;
    os << res.base();
    std::string head = os.str();
    static constexpr std::string_view tail = "Content-Length: 0\r\n\r\n";
    if (head.size() < tail.size() ||
        head.compare(head.size() - tail.size(), tail.size(), tail.data(), tail.size()) != 0)
        return {}; // not the expected shape: every answer goes through Beast
    head.resize(head.size() - tail.size());
    return head;
}

/// A parse error of the request (bad method, target, version, field, length, chunk…), as
/// opposed to the connection ending.
bool malformed(const error_code& ec) {
    static const auto& http_category = error_code(http::error::end_of_stream).category();
    return ec.category() == http_category && ec != http::error::end_of_stream &&
           ec != http::error::partial_message && ec != http::error::need_buffer;
}

/// What the sessions share: the service, the options, the registry used at the stop.
struct server_state {
    server_state(service& s, const server_options& o)
        : svc(s), opt(o), plan_head_200(render_plan_head(200, o.cors_origin)),
          plan_head_400(render_plan_head(400, o.cors_origin)) {}
    service& svc;
    const server_options& opt;
    /// POST /v1/plan's header blocks but the length (render_plan_head); empty: not used.
    const std::string plan_head_200, plan_head_400;
    std::vector<std::unique_ptr<net::io_context>>* contexts = nullptr; ///< one per thread
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stopping{false};

    /// The context of the next connection, in turn.
    net::io_context& pick() noexcept { return *(*contexts)[next.fetch_add(1) % contexts->size()]; }
    std::mutex mu;
    std::unordered_map<session*, std::weak_ptr<session>> sessions;
    std::function<void()> on_last_session; ///< set at the stop: called when none is left
};

class session : public std::enable_shared_from_this<session> {
public:
    session(socket_type&& socket, server_state& st)
        : stream_(std::move(socket)), st_(st), watchdog_(stream_.get_executor()) {}

    ~session() {
        st_.svc.stats.connection_closed();
        std::function<void()> last; // (a copy that allocates nothing: it holds one reference)
        {
            std::lock_guard<std::mutex> lock(st_.mu);
            st_.sessions.erase(this);
            if (st_.sessions.empty() && st_.on_last_session) last = st_.on_last_session;
        }
        if (last) last();
    }

    executor get_executor() { return stream_.get_executor(); }

    void start() {
        st_.svc.stats.connection_opened();
        {
            std::lock_guard<std::mutex> lock(st_.mu);
            st_.sessions.emplace(this, weak_from_this());
        }
        net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
    }

    /// The graceful stop, on the session's context: an idle connection (no byte of a next
    /// request received) is closed now, a busy one after its response.
    void stop() {
        stopping_ = true;
        if (idle_ && buffer_.size() == 0) {
            error_code ec;
            stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
            stream_.cancel();
        }
    }

private:
    // ---- one request: header, then a body reader ---------------------------------------------
    void read_header() {
        if (stopping_ || st_.stopping.load(std::memory_order_relaxed)) {
            if (buffer_.size() == 0) return close();
        }
        idle_ = true;
        hparser_.reset(); // (reset by next_request(): nothing holds the arena's fields)
        arena_.used = 0;
        hparser_.emplace(std::piecewise_construct, std::make_tuple(),
                         std::make_tuple(fields_allocator(&arena_)));
        hparser_->header_limit(header_limit);
        // The body's reader sets the limit. (Not boost::none: Beast 1.74 compares the
        // Content-Length with the optional, and any length is "greater" than none.)
        hparser_->body_limit(no_limit);
        arm(st_.opt.timeout);
        http::async_read_header(stream_, buffer_, *hparser_,
                                beast::bind_front_handler(&session::on_header, shared_from_this()));
    }

    void on_header(error_code ec, std::size_t) {
        idle_ = false;
        if (ec) {
            if (ec == http::error::header_limit)
                return fail(431, "header_too_large", texts::http_header_too_large);
            if (malformed(ec)) return fail(400, "bad_request", texts::http_bad_request);
            return close(); // closed, reset, timed out (tcp_stream closed it) or stopped
        }
        started_us_ = unix_micros();
        started_ = std::chrono::steady_clock::now();
        data_ = st_.svc.data();
        const auto& h = hparser_->get();
        method_.assign(h.method_string().data(), h.method_string().size());
        target_.assign(h.target().data(), h.target().size());
        version_ = h.version();
        keep_alive_ = h.keep_alive();
        expect_continue_ = beast::iequals(h[http::field::expect], "100-continue");
        const std::string_view path = std::string_view(target_).substr(0, target_.find('?'));
        ep_ = classify(path);

        if (ep_ == endpoint::batch && method_ == "POST") return batch_start();

        if (hparser_->is_done()) return answer({});
        const auto length = hparser_->content_length();
        if (length && *length > max_body_bytes) return too_large();
        if (length) {
            // A body of known length: read into the session's block (grown when too small,
            // then kept from request to request), with the parser's padding after it.
            body_size_ = static_cast<std::size_t>(*length);
            const std::size_t need = body_size_ + json::input_padding;
            if (need > body_cap_) {
                const std::size_t cap = std::max<std::size_t>(need, 4096);
                body_.reset(new char[cap]);
                body_cap_ = cap;
            }
            bparser_.emplace(std::move(*hparser_));
            bparser_->body_limit(max_body_bytes);
            auto& b = bparser_->get().body();
            b.data = body_.get();
            b.size = body_size_;
            b.more = true;
            return continue_then([self = shared_from_this()] {
                self->arm(self->st_.opt.timeout);
                http::async_read(self->stream_, self->buffer_, *self->bparser_,
                                 beast::bind_front_handler(&session::on_sized_body, self));
            });
        }
        sparser_.emplace(std::move(*hparser_));
        sparser_->body_limit(max_body_bytes);
        continue_then([self = shared_from_this()] {
            self->arm(self->st_.opt.timeout);
            http::async_read(self->stream_, self->buffer_, *self->sparser_,
                             beast::bind_front_handler(&session::on_body, self));
        });
    }

    void on_body(error_code ec, std::size_t) {
        if (ec == http::error::body_limit) return too_large();
        if (ec) {
            if (malformed(ec)) return fail(400, "bad_request", texts::http_bad_request);
            return close();
        }
        std::string body = sparser_->release().body();
        answer(body);
    }

    void on_sized_body(error_code ec, std::size_t) {
        if (ec == http::error::body_limit) return too_large();
        if (ec) {
            if (malformed(ec)) return fail(400, "bad_request", texts::http_bad_request);
            return close();
        }
        answer(std::string_view(body_.get(), body_size_), true);
    }

    /// "HTTP/1.1 100 Continue" first when the client waits for it, then `next`.
    template <class F>
    void continue_then(F next) {
        if (!expect_continue_) return next();
        expect_continue_ = false;
        static constexpr std::string_view cont = "HTTP/1.1 100 Continue\r\n\r\n";
        arm(st_.opt.timeout);
        net::async_write(stream_, net::buffer(cont.data(), cont.size()),
                         [self = shared_from_this(), next](error_code ec, std::size_t) {
                             if (ec) return self->close();
                             next();
                         });
    }

    /// A body over the limit: 413 and close (the rest of the body is never read).
    void too_large() {
        keep_alive_ = false;
        linger_ = true;
        if (ep_ == endpoint::plan && method_ == "POST") {
            response r = plan_too_large();
            return send(std::move(r));
        }
        response r = error_response(413, "payload_too_large", texts::http_body_too_large);
        r.ep = ep_;
        send(std::move(r));
    }

    /// A request that cannot be read: an error response, then close.
    void fail(unsigned status, std::string_view code, const bitext& message) {
        started_us_ = unix_micros();
        started_ = std::chrono::steady_clock::now();
        method_.clear();
        target_.clear();
        version_ = 11;
        keep_alive_ = false;
        linger_ = true;
        response r = error_response(status, code, message);
        r.ep = endpoint::other;
        send(std::move(r));
    }

    /// `padded`: json::input_padding readable bytes follow `body`.
    void answer(std::string_view body, bool padded = false) {
        if (ep_ == endpoint::plan && method_ == "POST") {
            // The keep-alive path: the answer written into the session's block, kept from
            // request to request. Out of memory: handle_safe() below answers.
            plan_out_.clear();
            const int rc = plan_into(*data_, body, plan_out_, padded);
            if (rc >= 0) return send_plan(rc);
        }
        request req{method_, target_, body};
        // Out of memory: 503 out_of_memory for this request (handle_safe); when not even that
        // can be made, the exception reaches run_server's loop, which closes this connection.
        response r = handle_safe(st_.svc, *data_, req);
        send(std::move(r));
    }

    void send(response r) {
        auto& res = res_.emplace();
        const bool keep = keep_going();
        fill_header(res, r, version_, keep, st_.opt.cors_origin);
        const std::size_t size = r.body.size();
        if (method_ == "HEAD") {
            res.content_length(size); // the length GET would give, no body
        } else {
            res.body() = std::move(r.body);
            res.prepare_payload();
        }
        status_ = r.status;
        code_ = r.code;
        lines_answered_ = r.lines;
        for (std::size_t i = 0; i < r.counts.size(); ++i)
            if (r.counts[i]) st_.svc.stats.answer(static_cast<int>(i), r.counts[i]);
        ep_ = r.ep;
        arm(st_.opt.timeout);
        http::async_write(stream_, res,
                          beast::bind_front_handler(&session::on_write, shared_from_this(), keep));
    }

    /// Whether the connection stays open after this response.
    bool keep_going() const noexcept {
        return keep_alive_ && !stopping_ && !st_.stopping.load(std::memory_order_relaxed);
    }

    /// POST /v1/plan's answer, written from plan_out_: the header block rendered at start and
    /// the length, or (another HTTP version, a last response, no header block) through send().
    void send_plan(int rc) {
        const unsigned status = rc == static_cast<int>(refusal_code::invalid_request) ? 400 : 200;
        const std::string& head = status == 200 ? st_.plan_head_200 : st_.plan_head_400;
        const bool keep = keep_going();
        if (version_ != 11 || !keep || head.empty()) {
            response r;
            r.status = status;
            r.ep = endpoint::plan;
            r.content_type = json_type;
            r.body.assign(plan_out_.data(), plan_out_.size());
            r.counts[static_cast<std::size_t>(rc)] = 1;
            if (rc > 0) r.code = to_string(static_cast<refusal_code>(rc));
            return send(std::move(r));
        }
        status_ = status;
        code_ = rc > 0 ? to_string(static_cast<refusal_code>(rc)) : std::string_view();
        lines_answered_ = 0;
        st_.svc.stats.answer(rc, 1);
        ep_ = endpoint::plan;
        static constexpr std::string_view field = "Content-Length: ";
        std::memcpy(length_, field.data(), field.size());
        char* p = length_ + field.size();
        char digits[24];
        int n = 0;
        for (std::size_t v = plan_out_.size(); n == 0 || v; v /= 10)
            digits[n++] = char('0' + v % 10);
        while (n) *p++ = digits[--n];
        std::memcpy(p, "\r\n\r\n", 4);
        p += 4;
        const std::array<net::const_buffer, 3> out = {
            net::buffer(head.data(), head.size()),
            net::buffer(length_, static_cast<std::size_t>(p - length_)),
            net::buffer(plan_out_.data(), plan_out_.size())};
        arm(st_.opt.timeout);
        net::async_write(stream_, out,
                         beast::bind_front_handler(&session::on_write, shared_from_this(), keep));
    }

    void on_write(bool keep, error_code ec, std::size_t) {
        res_.reset();
        done_request(ec);
        if (ec) return close();
        if (!keep) return linger_ ? linger_close() : close();
        next_request();
    }

    /// After an error that left input unread (a body over the limit, a malformed request):
    /// stop sending, then read and discard for a moment before closing, so that a client
    /// still sending gets to read the answer instead of a reset (like nginx's lingering close).
    void linger_close() {
        error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        linger_left_ = 16u << 20;
        arm(std::chrono::seconds(2));
        linger_read();
    }

    void linger_read() {
        buffer_.consume(buffer_.size());
        stream_.async_read_some(buffer_.prepare(64 * 1024),
                                [self = shared_from_this()](error_code ec, std::size_t n) {
                                    if (ec || n >= self->linger_left_) return self->close();
                                    self->linger_left_ -= n;
                                    self->linger_read();
                                });
    }

    void next_request() {
        sparser_.reset();
        bparser_.reset();
        hparser_.reset();
        data_.reset();
        read_header();
    }

    /// The access log line and the metrics of the request just answered (or abandoned).
    void done_request(error_code ec) {
        const auto us =
            static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(
                                           std::chrono::steady_clock::now() - started_)
                                           .count());
        st_.svc.stats.request(ep_, status_, us);
        if (!st_.opt.access_log) return;
        json::access_entry e;
        e.unix_micros = started_us_;
        e.method = method_.size() <= 16 ? std::string_view(method_) : std::string_view("?");
        std::string_view path = std::string_view(target_).substr(0, target_.find('?'));
        if (path.size() > 256) path = path.substr(0, 256);
        e.path = path;
        e.status = status_;
        e.micros = us;
        e.code = ec == net::error::no_memory ? code_ // a batch cut short: out_of_memory
                 : ec                        ? std::string_view("aborted")
                                             : code_;
        e.lines = lines_answered_;
        try {
            std::string line;
            line.reserve(160);
            json::write_access(line, e);
            log_line(std::move(line));
        } catch (const std::bad_alloc&) {
            // The request is answered and counted; only its log line is lost.
        }
    }

    // ---- POST /v1/batch, streamed ----------------------------------------------------------
    void batch_start() {
        bparser_.emplace(std::move(*hparser_));
        bparser_->body_limit(no_limit); // constant memory whatever the size
        lines_.emplace(data_->dir);
        in_.reset(new char[batch_piece]);
        out_.clear();
        out_.reserve(batch_out_limit + 4096);
        chunked_ = version_ >= 11;
        if (!chunked_) keep_alive_ = false; // HTTP/1.0: the body ends when the connection does
        status_ = 200;
        code_ = {};
        auto& res = hres_.emplace();
        res.version(version_); // 10 or 11 (fill_header)
        res.result(http::status::ok);
        res.set(http::field::content_type,
                beast::string_view(ndjson_type.data(), ndjson_type.size()));
        res.set("X-Content-Type-Options", "nosniff");
        cors_fields(res, st_.opt.cors_origin, {});
        batch_keep_ = keep_alive_ && !stopping_ && !st_.stopping.load(std::memory_order_relaxed);
        res.keep_alive(batch_keep_);
        if (chunked_) res.chunked(true);
        hser_.emplace(res);
        continue_then([self = shared_from_this()] {
            self->arm(self->st_.opt.timeout);
            http::async_write_header(self->stream_, *self->hser_,
                                     [self](error_code ec, std::size_t) {
                                         if (ec) return self->batch_abort(ec);
                                         self->batch_read();
                                     });
        });
    }

    void batch_read() {
        if (bparser_->is_done()) return batch_finish();
        auto& body = bparser_->get().body();
        body.data = in_.get();
        body.size = batch_piece;
        body.more = true;
        arm(st_.opt.timeout);
        http::async_read_some(
            stream_, buffer_, *bparser_,
            beast::bind_front_handler(&session::on_batch_read, shared_from_this()));
    }

    void on_batch_read(error_code ec, std::size_t) {
        if (ec == http::error::need_buffer) ec = {};
        if (ec) return batch_abort(ec);
        pending_ = std::string_view(in_.get(), batch_piece - bparser_->get().body().size);
        batch_feed();
    }

    /// Answers the lines of the piece read, writing the responses whenever enough are ready.
    void batch_feed() {
        while (!pending_.empty()) {
            try {
                pending_.remove_prefix(lines_->feed(pending_, out_, batch_out_limit));
            } catch (const std::bad_alloc&) {
                return batch_out_of_memory();
            }
            if (out_.size() >= batch_out_limit) return batch_write([this] { batch_feed(); });
        }
        if (bparser_->is_done()) return batch_finish();
        // Write what is ready before waiting for more input, so that a client that sends a
        // line and waits gets its answer.
        if (!out_.empty()) return batch_write([this] { batch_read(); });
        batch_read();
    }

    template <class F>
    void batch_write(F next) {
        arm(st_.opt.timeout);
        auto done = [self = shared_from_this(), next](error_code ec, std::size_t) {
            if (ec) return self->batch_abort(ec);
            self->out_.clear();
            next();
        };
        if (chunked_)
            net::async_write(stream_, http::make_chunk(net::buffer(out_.data(), out_.size())),
                             std::move(done));
        else
            net::async_write(stream_, net::buffer(out_.data(), out_.size()), std::move(done));
    }

    /// Memory ran out answering a line: the lines answered before it are sent (whole), then the
    /// response is cut short like any broken batch (no last chunk), and the connection closed.
    void batch_out_of_memory() {
        code_ = "out_of_memory";
        pending_ = {};
        auto abort = [self = shared_from_this()] { self->batch_abort(net::error::no_memory); };
        if (out_.empty()) return abort();
        batch_write(abort);
    }

    void batch_finish() {
        try {
            lines_->finish(out_);
        } catch (const std::bad_alloc&) {
            return batch_out_of_memory();
        }
        lines_answered_ = lines_->lines();
        auto last = [self = shared_from_this()] {
            if (!self->chunked_) return self->batch_done({});
            self->arm(self->st_.opt.timeout);
            net::async_write(self->stream_, http::make_chunk_last(),
                             [self](error_code ec, std::size_t) { self->batch_done(ec); });
        };
        if (out_.empty()) return last();
        batch_write(last);
    }

    void batch_count() {
        if (!lines_) return;
        lines_answered_ = lines_->lines();
        for (int i = 0; i < json::batch_lines::n_statuses; ++i)
            if (lines_->counts()[i]) st_.svc.stats.answer(i, lines_->counts()[i]);
    }

    void batch_done(error_code ec) {
        batch_count();
        done_request(ec);
        lines_.reset();
        hser_.reset();
        hres_.reset();
        in_.reset();
        out_.release_memory();
        if (ec || !batch_keep_) return close();
        next_request();
    }

    /// The body could not be read or the answers not written (`ec`, never 0: each caller passes
    /// the error it got, or no_memory): the response so far stays unfinished (no last chunk),
    /// so the client sees it was cut short.
    void batch_abort(error_code ec) {
        batch_count();
        done_request(ec);
        close();
    }

    /// The deadline of the operation that starts now (a read or a write): past it, the socket
    /// is closed and the operation ends with an error. One timer per connection, started again
    /// only when it fires (then at the deadline set since): moving the deadline costs a clock
    /// read, where basic_stream's own timeouts would start and cancel a wait per operation.
    void arm(std::chrono::steady_clock::duration d) {
        deadline_ = std::chrono::steady_clock::now() + d;
        if (watching_) return;
        watch();
    }

    void watch() {
        watchdog_.expires_at(deadline_);
        watchdog_.async_wait([w = weak_from_this()](error_code ec) {
            if (auto self = w.lock()) self->on_watchdog(ec);
        });
        watching_ = true; // (not before: a wait that could not be started is not watching)
    }

    void on_watchdog(error_code ec) {
        watching_ = false;
        if (ec == net::error::operation_aborted) return;
        if (std::chrono::steady_clock::now() < deadline_) { // moved on since
            try {
                return watch();
            } catch (const std::bad_alloc&) {
                // No timer for this connection: closed now rather than never timed out.
            }
        }
        stream_.close(); // timed out: the operation waiting ends with operation_aborted
    }

    void close() {
        error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream_.close();
    }

    stream_type stream_; ///< its own timeouts unused: arm() and the watchdog instead
    server_state& st_;
    net::basic_waitable_timer<std::chrono::steady_clock,
                              net::wait_traits<std::chrono::steady_clock>, executor>
        watchdog_;
    std::chrono::steady_clock::time_point deadline_;
    bool watching_ = false;
    beast::flat_buffer buffer_;
    field_arena arena_; ///< the request's header fields (the parsers' allocator)
    std::optional<http::request_parser<http::empty_body, fields_allocator>> hparser_;
    std::optional<http::request_parser<http::string_body, fields_allocator>> sparser_;
    std::optional<http::request_parser<http::buffer_body, fields_allocator>> bparser_;
    std::optional<http::response<http::string_body>> res_;
    std::optional<http::response<http::empty_body>> hres_;
    std::optional<http::response_serializer<http::empty_body>> hser_;
    std::shared_ptr<const dataset> data_; ///< the version this request runs on

    std::string method_, target_;
    unsigned version_ = 11;
    bool keep_alive_ = true, expect_continue_ = false, idle_ = false, stopping_ = false;
    bool linger_ = false;         ///< close after an error: drain the input first
    std::size_t linger_left_ = 0; ///< bytes still drained before giving up
    endpoint ep_ = endpoint::other;
    unsigned status_ = 0;
    std::string_view code_;
    std::size_t lines_answered_ = 0;
    std::int64_t started_us_ = 0;
    std::chrono::steady_clock::time_point started_;

    // batch
    std::optional<json::batch_lines> lines_;
    std::unique_ptr<char[]> in_;
    std::string_view pending_;
    json::out_buffer out_;

    // POST /v1/plan and other bodies of known length: blocks kept from request to request
    std::unique_ptr<char[]> body_;
    std::size_t body_cap_ = 0, body_size_ = 0;
    json::out_buffer plan_out_;
    char length_[48]; ///< "Content-Length: N\r\n\r\n"
    bool chunked_ = true, batch_keep_ = false;
};

/// At the connection cap: 503 with a JSON body, then close.
void reject(socket_type&& socket, server_state& st) {
    st.svc.stats.connection_rejected();
    auto stream = std::make_shared<stream_type>(std::move(socket));
    auto res =
        std::make_shared<http::response<http::string_body>>(http::status::service_unavailable, 11);
    res->set(http::field::content_type, beast::string_view(json_type.data(), json_type.size()));
    res->set(http::field::retry_after, "1");
    res->keep_alive(false);
    response r = error_response(503, "too_many_connections", texts::http_busy);
    res->body() = std::move(r.body);
    res->prepare_payload();
    stream->expires_after(std::chrono::seconds(2));
    http::async_write(*stream, *res, [stream, res](error_code, std::size_t) {
        error_code ec;
        stream->socket().shutdown(tcp::socket::shutdown_send, ec);
        stream->close();
    });
}

class listener : public std::enable_shared_from_this<listener> {
public:
    listener(server_state& st, tcp::endpoint at, error_code& ec)
        : st_(st), acceptor_(*st.contexts->front()) {
        acceptor_.open(at.protocol(), ec);
        if (ec) return;
        acceptor_.set_option(net::socket_base::reuse_address(true), ec);
        if (ec) return;
        acceptor_.bind(at, ec);
        if (ec) return;
        acceptor_.listen(net::socket_base::max_listen_connections, ec);
    }

    tcp::endpoint local() const {
        error_code ec;
        return acceptor_.local_endpoint(ec);
    }

    void run() { accept(); }

    /// After memory ran out somewhere in the server (run_server's loop caught it): the accept
    /// operation that waits is cancelled and a new one started. The old one may never complete
    /// — lost with the exception if it came out of Asio while the operation was completing, or
    /// stuck if it came out while connections were being taken off the listening socket, which
    /// Asio watches edge-triggered and which is not signalled again while connections wait —
    /// and a new one takes the connections that wait.
    void restart() {
        net::post(acceptor_.get_executor(), [self = shared_from_this()] {
            if (!self->acceptor_.is_open()) return;
            error_code ec;
            self->acceptor_.cancel(ec); // its completion (operation_aborted) does nothing
            self->accept();
        });
    }

    /// The stop, on the listener's context (the first).
    void close() {
        error_code ec;
        acceptor_.close(ec);
    }

private:
    void accept() {
        acceptor_.async_accept(st_.pick().get_executor(),
                               beast::bind_front_handler(&listener::on_accept, shared_from_this()));
    }

    void on_accept(error_code ec, socket_type socket) {
        // Cancelled by restart() (which started another) or closed by the stop.
        if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
        if (!ec) {
            try {
                if (st_.stopping.load())
                    ; // closing: drop it (the socket closes as it goes out of scope)
                else if (static_cast<std::size_t>(st_.svc.stats.open_connections()) >=
                         st_.opt.max_connections)
                    reject(std::move(socket), st_);
                else
                    std::make_shared<session>(std::move(socket), st_)->start();
            } catch (const std::bad_alloc&) {
                // That connection is dropped (its socket closes); the next ones are accepted.
            }
        } else if (ec == net::error::no_descriptors || ec == net::error::no_buffer_space) {
            // Out of file descriptors: wait a little rather than spin.
            auto t = std::make_shared<net::steady_timer>(acceptor_.get_executor(),
                                                         std::chrono::milliseconds(50));
            t->async_wait([self = shared_from_this(), t](error_code) { self->accept(); });
            return;
        }
        accept();
    }

    server_state& st_;
    tcp::acceptor acceptor_;
};

/// The reloads: a thread that loads the data again once per request() (SIGHUP), in order, and
/// logs each with its outcome; out of memory is a refusal too (the data being served is
/// untouched until a whole new version is published).
class reloader {
public:
    reloader(service& svc, const server_options& o)
        : svc_(svc), o_(o), thread_([this] { run(); }) {}
    ~reloader() {
        {
            std::lock_guard<std::mutex> lock(mu_);
            stop_ = true;
        }
        cv_.notify_one();
        thread_.join();
    }
    reloader(const reloader&) = delete;
    reloader& operator=(const reloader&) = delete;

    void request() {
        {
            std::lock_guard<std::mutex> lock(mu_);
            ++pending_;
        }
        cv_.notify_one();
    }

private:
    void run() {
        std::unique_lock<std::mutex> lock(mu_);
        for (;;) {
            cv_.wait(lock, [this] { return stop_ || pending_ > 0; });
            if (stop_) return;
            --pending_;
            lock.unlock();
            reload_once();
            lock.lock();
        }
    }

    void reload_once() noexcept {
        try {
            std::string error;
            const auto t0 = std::chrono::steady_clock::now();
            std::shared_ptr<const dataset> d = o_.reload ? o_.reload(error) : nullptr;
            if (d) {
                auto copy = std::make_shared<dataset>(*d);
                d.reset();
                copy->load_seconds =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                const std::size_t n = copy->dir.size();
                svc_.publish(std::move(copy));
                svc_.reloads.fetch_add(1);
                svc_.stats.reload(true);
                log_text(texts::http_reloaded, o_.log_lang, std::to_string(n));
            } else {
                svc_.stats.reload(false);
                log_text(texts::http_reload_refused, o_.log_lang, error);
            }
        } catch (const std::bad_alloc&) {
            svc_.stats.reload(false);
            log_static(texts::http_reload_refused, o_.log_lang,
                       texts::http_out_of_memory.get(o_.log_lang));
        }
    }

    service& svc_;
    const server_options& o_;
    std::mutex mu_;
    std::condition_variable cv_;
    unsigned long pending_ = 0;
    bool stop_ = false;
    std::thread thread_; // last: starts once the rest is ready
};

} // namespace

bool parse_listen(const std::string& text, std::string& address, unsigned short& port) {
    std::string host, p;
    if (!text.empty() && text[0] == '[') {
        const auto close = text.find(']');
        if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':')
            return false;
        host = text.substr(1, close - 1);
        p = text.substr(close + 2);
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string::npos) return false;
        host = text.substr(0, colon);
        p = text.substr(colon + 1);
        if (host.find(':') != std::string::npos) return false; // IPv6 needs brackets
    }
    if (p.empty() || p.size() > 5) return false;
    unsigned long v = 0;
    for (char c : p) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + static_cast<unsigned long>(c - '0');
    }
    if (v > 65535) return false;
    if (!host.empty()) {
        error_code ec;
        net::ip::make_address(host, ec);
        if (ec) return false;
        address = host;
    }
    port = static_cast<unsigned short>(v);
    return true;
}

int run_server(service& svc, const server_options& o) {
    const unsigned threads = o.threads ? o.threads : mg_cli::platform::usable_cpus();
    // The signals are taken by a thread of their own with sigwait(), which needs no memory:
    // an Asio signal_set must queue a new wait after each signal, and if memory has run out
    // just then, every later signal is lost (the service could be neither reloaded nor
    // stopped). Blocked here, before any other thread starts, so that every thread inherits it.
    // (Windows has no sigwait and no SIGHUP: Ctrl+C and Ctrl+Break stop the server through an
    // Asio signal_set, below, and there is no reload.)
#ifndef _WIN32
    sigset_t handled;
    sigemptyset(&handled);
    sigaddset(&handled, SIGINT);
    sigaddset(&handled, SIGTERM);
    sigaddset(&handled, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &handled, nullptr);
#endif
    // The state outlives the io_contexts: handlers they destroy may still hold sessions.
    server_state st(svc, o);
    std::vector<std::unique_ptr<net::io_context>> contexts;
    for (unsigned i = 0; i < threads; ++i) contexts.push_back(std::make_unique<net::io_context>(1));
    st.contexts = &contexts;
    net::io_context& ioc = *contexts.front(); // the listener, the signals, the stop's deadline
    // Each context runs until the stop, connections or not.
    std::vector<std::optional<net::executor_work_guard<executor>>> busy;
    for (auto& c : contexts) busy.emplace_back(c->get_executor());

    // The address was checked by parse_listen(); one that was not is refused as any address
    // that cannot be listened on, with the reason.
    error_code ec;
    const auto addr = net::ip::make_address(o.address, ec);
    std::shared_ptr<listener> lst;
    if (!ec) lst = std::make_shared<listener>(st, tcp::endpoint(addr, o.port), ec);
    if (ec) {
        log_text(texts::http_cannot_listen, o.log_lang,
                 o.address + ":" + std::to_string(o.port) + " (" + ec.message() + ")");
        return 2;
    }
    lst->run();

    // Reloads run on a thread of their own, one after the other, one per SIGHUP: a slow master
    // does not hold up a thread that serves requests, and every version of the data is built
    // (and, once its last request is done, freed) in that thread's malloc arena, so memory
    // freed by one reload is what the next one reuses.
    reloader reloads(svc, o);

    // The stop's deadline, on the first context.
    net::steady_timer deadline(ioc);
    // Every session told to stop after its response, with a deadline for all of them.
    auto stop_sessions = [&] {
        std::vector<std::shared_ptr<session>> live;
        {
            std::lock_guard<std::mutex> lock(st.mu);
            for (auto& kv : st.sessions)
                if (auto sp = kv.second.lock()) live.push_back(std::move(sp));
            st.on_last_session = [&deadline] {
                net::post(deadline.get_executor(), [&deadline] { deadline.cancel(); });
            };
        }
        for (auto& sp : live) net::post(sp->get_executor(), [sp] { sp->stop(); });
        if (!live.empty()) {
            live.clear();
            // Requests in flight are bounded by the timeouts; past them, stop regardless.
            deadline.expires_after(o.timeout * 3 + std::chrono::seconds(1));
            deadline.async_wait([&contexts](const error_code& e) {
                if (e) return;
                for (auto& c : contexts) c->stop();
            });
        }
    };
    // SIGTERM / SIGINT: stop accepting, let every session finish what it has started (on the
    // first context).
    auto stop = [&] {
        // First what needs no memory: no new connection, and each context ends with its last.
        st.stopping.store(true);
        lst->close();
        for (auto& b : busy) b.reset();
        log_text(texts::http_stopping, o.log_lang);
        try {
            stop_sessions();
        } catch (const std::bad_alloc&) {
            // The sessions not told end at their own deadlines (--timeout).
        }
    };
#ifdef _WIN32
    net::signal_set signals(ioc, SIGINT, SIGTERM, SIGBREAK);
    signals.async_wait([&](const error_code& e, int) {
        if (!e) stop();
    });
#else
    std::thread signal_thread([&] {
        for (;;) {
            int sig = 0;
            if (sigwait(&handled, &sig) != 0) continue;
            if (sig == SIGHUP) {
                reloads.request();
                continue;
            }
            // The stop runs on the first context; queueing it may take a few tries when memory
            // is short.
            for (;;) {
                try {
                    net::post(ioc, stop);
                    return;
                } catch (const std::bad_alloc&) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
                }
            }
        }
    });
#endif

    const auto at = lst->local();
    std::string host = at.address().to_string();
    if (at.address().is_v6()) host = "[" + host + "]";
    log_text(texts::http_listening, o.log_lang,
             "http://" + host + ":" + std::to_string(at.port()) + "/");

    // Memory running out inside a handler (Beast's buffers, Asio's operations, a session's own
    // strings) throws std::bad_alloc out of run(): the handler's connection is dropped with it,
    // and the thread goes back to serving the others (Asio allows run() to be called again).
    auto serve = [&](net::io_context& ctx) {
        for (;;) {
            try {
                ctx.run();
                return;
            } catch (const std::bad_alloc&) {
                log_static(texts::http_out_of_memory, o.log_lang);
                // The exception may have come out of the accept loop: accept again (once memory
                // lets a handler be queued; a failure of accept() itself comes back here).
                for (int tries = 0; tries < 1000; ++tries) {
                    try {
                        lst->restart();
                        break;
                    } catch (const std::bad_alloc&) {
                        std::this_thread::sleep_for(std::chrono::milliseconds(5));
                    }
                }
            }
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (unsigned i = 1; i < threads; ++i)
        pool.emplace_back([&serve, &ctx = *contexts[i]] { serve(ctx); });
    serve(ioc);
    for (auto& t : pool) t.join();
#ifndef _WIN32
    signal_thread.join(); // it ended when it queued the stop
#endif
    {
        std::lock_guard<std::mutex> lock(st.mu);
        st.on_last_session = nullptr;
    }
    log_text(texts::http_stopped, o.log_lang);
    return 0;
}

} // namespace mg_http
