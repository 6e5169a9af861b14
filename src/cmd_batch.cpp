// mamisguide batch — JSON Lines in, JSON Lines out: one response per input line, in order, each
// with its line number.
//
// Streaming in constant memory: the input is read in large blocks into one buffer that holds
// at most one request plus one block; a line longer than json::max_request_bytes is never
// buffered (the reader skips to its newline and answers it as too large). Responses are
// appended to one reused buffer and written in large blocks. When the input is not keeping the
// reader busy (a pipe with a slow writer), pending responses are flushed before waiting for
// more, so a co-process gets its answers without waiting for a full block.
#include "cli.hpp"

#include <json.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace mg_cli {
namespace {

constexpr std::size_t read_block = std::size_t(1) << 20;  ///< bytes per read()
constexpr std::size_t write_block = std::size_t(1) << 20; ///< flush responses at this size

class batch_cmd final : public command {
public:
    explicit batch_cmd(CLI::App& parent) {
        app = parent.add_subcommand(
            "batch", "JSON Lines in, JSON Lines out: one response per input line, in order, "
                     "each with its \"line\" number.");
        app->add_option("file", file_,
                        "Input file of JSON requests, one per line (default or "
                        "'-': standard input)");
        app->add_flag("-q,--quiet", quiet_, "No summary on standard error");
        add_directory_options(*app, dopts_);
        app->footer("Every input line gets exactly one response, in input order: a plan or a "
                    "refusal. Blank, malformed and oversized (> 1 MiB) lines are answered with "
                    "invalid_request; nothing stops the run. Each request carries its own "
                    "\"lang\".\n"
                    "The counts of plans and of refusals by code go to standard error.\n"
                    "Exit status: 0 when the run completed (even with refusals), 2 when the "
                    "input cannot be read, the output cannot be written or the directory "
                    "fails to load.");
    }

    int run() override {
        const auto dir = load_directory(dopts_, lang::ja);
        if (!dir) return exit_usage;
        dir_ = &*dir;

        const bool use_stdin = file_.empty() || file_ == "-";
        const int fd = use_stdin ? STDIN_FILENO : ::open(file_.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            print_error("cannot open " + file_ + ": " + std::strerror(errno));
            return exit_usage;
        }
        progress_ = ::isatty(STDERR_FILENO) == 1 && !quiet_;
        start_ = last_progress_ = std::chrono::steady_clock::now();
        const int rc = stream(fd, use_stdin ? std::string("standard input") : file_);
        if (!use_stdin) ::close(fd);
        if (rc != exit_ok) return rc;
        if (!flush()) return write_failed();
        if (!quiet_) summary();
        return exit_ok;
    }

private:
    /// Answers one line (without its '\n'; a trailing '\r' is dropped).
    void answer(const char* data, std::size_t size) {
        ++line_;
        if (size > 0 && data[size - 1] == '\r') --size;
        int rc;
        if (size > json::max_request_bytes) {
            json::write_refusal_only(out_, texts::json_too_large, "", lang::ja, line_);
            rc = static_cast<int>(refusal_code::invalid_request);
        } else {
            rc = json::respond(*dir_, std::string_view(data, size), out_, line_);
            if (rc < 0) {
                json::write_refusal_only(out_, texts::json_internal, "", lang::ja, line_);
                rc = static_cast<int>(refusal_code::invalid_request);
            }
        }
        ++counts_[rc];
        out_.push_back('\n');
    }

    /// The answer to a line too long to hold: it was skipped unread.
    void answer_oversized() {
        ++line_;
        json::write_refusal_only(out_, texts::json_too_large, "", lang::ja, line_);
        ++counts_[static_cast<int>(refusal_code::invalid_request)];
        out_.push_back('\n');
    }

    int stream(int fd, const std::string& name) {
        // Unanswered bytes never exceed one request plus its '\r' (longer lines are skipped),
        // so the buffer always has room for a whole block after them.
        const std::size_t keep = json::max_request_bytes + 1;
        const std::size_t cap = keep + read_block;
        std::unique_ptr<char[]> buf(new char[cap]);
        std::size_t begin = 0, end = 0;
        bool skipping = false; // inside a line longer than a request may be
        bool starved = false;  // the last read returned less than asked: input is not busy
        out_.reserve(write_block + (std::size_t(64) << 10));
        for (;;) {
            if (begin > 0) {
                std::memmove(buf.get(), buf.get() + begin, end - begin);
                end -= begin;
                begin = 0;
            }
            if (starved && !flush()) return write_failed();
            const ssize_t n = ::read(fd, buf.get() + end, cap - end);
            if (n < 0) {
                if (errno == EINTR) continue;
                print_error("cannot read " + name + ": " + std::strerror(errno));
                return exit_usage;
            }
            starved = static_cast<std::size_t>(n) < cap - end;
            if (n == 0) break;
            end += static_cast<std::size_t>(n);

            std::size_t pos = begin;
            while (pos < end) {
                const void* nl = std::memchr(buf.get() + pos, '\n', end - pos);
                if (!nl) break;
                const std::size_t at =
                    static_cast<std::size_t>(static_cast<const char*>(nl) - buf.get());
                if (skipping) {
                    answer_oversized();
                    skipping = false;
                } else {
                    answer(buf.get() + pos, at - pos);
                }
                pos = at + 1;
                if (out_.size() >= write_block && !flush()) return write_failed();
            }
            begin = pos;
            if (skipping || end - begin > keep) { // too long to be a request: drop it unread
                skipping = true;
                begin = end;
            }
            tick();
        }
        // The last line may have no newline; a newline at the very end adds no record.
        if (skipping)
            answer_oversized();
        else if (end > begin)
            answer(buf.get() + begin, end - begin);
        return exit_ok;
    }

    bool flush() {
        if (out_.empty()) return true;
        const bool ok = write_out(stdout, out_) && std::fflush(stdout) == 0;
        out_.clear();
        return ok;
    }

    int write_failed() {
        print_error(std::string("cannot write the output: ") + std::strerror(errno));
        return exit_usage;
    }

    /// A progress line on a terminal, once the run has taken more than a second.
    void tick() {
        if (!progress_) return;
        const auto now = std::chrono::steady_clock::now();
        if (now - start_ < std::chrono::seconds(1) ||
            now - last_progress_ < std::chrono::milliseconds(200))
            return;
        last_progress_ = now;
        progress_shown_ = true;
        const double secs = std::chrono::duration<double>(now - start_).count();
        std::fprintf(stderr, "\rmamisguide batch: %zu lines (%.0f lines/s)", line_,
                     static_cast<double>(line_) / secs);
        std::fflush(stderr);
    }

    void summary() {
        std::size_t refusals = 0;
        for (int c = 1; c < 15; ++c) refusals += counts_[c];
        std::string s;
        if (progress_shown_) s += "\r\x1b[K";
        s += "mamisguide batch: " + std::to_string(line_) + " lines, " +
             std::to_string(counts_[0]) + " plans, " + std::to_string(refusals) + " refusals\n";
        for (refusal_code code : all_refusal_codes) {
            const std::size_t n = counts_[static_cast<int>(code)];
            if (n == 0) continue;
            s += "  ";
            append_padded(s, to_string(code), 20);
            s += std::to_string(n) + "\n";
        }
        std::fflush(stdout);
        write_out(stderr, s);
    }

    directory_options dopts_;
    std::string file_;
    bool quiet_ = false;
    const directory* dir_ = nullptr;
    std::string out_;
    std::size_t line_ = 0;
    std::size_t counts_[15] = {};
    bool progress_ = false, progress_shown_ = false;
    std::chrono::steady_clock::time_point start_, last_progress_;
};

} // namespace

std::unique_ptr<command> make_batch_command(CLI::App& parent) {
    return std::make_unique<batch_cmd>(parent);
}

} // namespace mg_cli
