// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide batch — JSON Lines in, JSON Lines out: one response per input line, in order, each
// with its line number.
//
// Streaming in constant memory: the input is read in large blocks and handed to batch_lines
// (batch_lines.hpp, shared with the HTTP service's POST /v1/batch), which answers each line in
// place and never holds more than one request (a longer line is skipped to its newline and
// answered as too large). Responses are
// appended to one reused buffer and written in large blocks. When the input is not keeping the
// reader busy (a pipe with a slow writer), pending responses are flushed before waiting for
// more, so a co-process gets its answers without waiting for a full block.
#include "cli.hpp"
#include "platform.hpp"
#include <batch_lines.hpp>

#include <json.hpp>
#include <mamisguide/texts/cli.hpp>

#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <new>

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
        lines_.emplace(*dir);

        const bool use_stdin = file_.empty() || file_ == "-";
        const int fd = use_stdin ? 0 : platform::open_read(file_); // UTF-8 name
        if (fd < 0) {
            print_error("cannot open " + file_ + ": " + std::strerror(errno));
            return exit_usage;
        }
        progress_ = platform::is_terminal(stderr) && !quiet_;
        start_ = last_progress_ = std::chrono::steady_clock::now();
        int rc;
        try {
            rc = stream(fd, use_stdin ? std::string("standard input") : file_);
        } catch (const std::bad_alloc&) {
            rc = out_of_memory();
        }
        if (!use_stdin) ::close(fd);
        if (rc != exit_ok) return rc;
        if (!flush()) return write_failed();
        if (!quiet_) summary();
        return exit_ok;
    }

private:
    int stream(int fd, const std::string& name) {
        std::unique_ptr<char[]> buf(new char[read_block]);
        bool starved = false; // the last read returned less than asked: input is not busy
        out_.reserve(write_block + (std::size_t(64) << 10));
        for (;;) {
            if (starved && !flush()) return write_failed();
            const ssize_t n = ::read(fd, buf.get(), read_block);
            if (n < 0) {
                if (errno == EINTR) continue;
                print_error("cannot read " + name + ": " + std::strerror(errno));
                return exit_usage;
            }
            starved = static_cast<std::size_t>(n) < read_block;
            if (n == 0) break;
            std::string_view piece(buf.get(), static_cast<std::size_t>(n));
            while (!piece.empty()) {
                piece.remove_prefix(lines_->feed(piece, out_, write_block));
                if (out_.size() >= write_block && !flush()) return write_failed();
            }
            tick();
        }
        lines_->finish(out_);
        return exit_ok;
    }

    bool flush() {
        if (out_.empty()) return true;
        const bool ok = write_out(stdout, out_.view()) && std::fflush(stdout) == 0;
        out_.clear();
        return ok;
    }

    /// Memory ran out answering a line: the lines answered so far are written (whole: a line
    /// that failed was taken back), then a message naming the line, and exit 2. Nothing here
    /// allocates.
    int out_of_memory() {
        if (!flush()) return write_failed();
        const std::size_t line = lines_ ? lines_->lines() + 1 : 1;
        char text[256];
        const int n = std::snprintf(text, sizeof text, "mamisguide: %s%zu\n",
                                    texts::cli::batch_out_of_memory.get(lang::ja), line);
        std::fflush(stdout);
        if (n > 0)
            platform::write_stderr(
                std::string_view(text, std::min(static_cast<std::size_t>(n), sizeof text - 1)));
        return exit_usage;
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
        std::fprintf(stderr, "\rmamisguide batch: %zu lines (%.0f lines/s)", lines_->lines(),
                     static_cast<double>(lines_->lines()) / secs);
        std::fflush(stderr);
    }

    void summary() {
        const std::size_t* counts = lines_->counts();
        std::string s;
        if (progress_shown_) s += "\r\x1b[K";
        s += "mamisguide batch: " + std::to_string(lines_->lines()) + " lines, " +
             std::to_string(lines_->plans()) + " plans, " + std::to_string(lines_->refusals()) +
             " refusals\n";
        for (refusal_code code : all_refusal_codes) {
            const std::size_t n = counts[static_cast<int>(code)];
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
    std::optional<json::batch_lines> lines_;
    json::out_buffer out_;
    bool progress_ = false, progress_shown_ = false;
    std::chrono::steady_clock::time_point start_, last_progress_;
};

} // namespace

std::unique_ptr<command> make_batch_command(CLI::App& parent) {
    return std::make_unique<batch_cmd>(parent);
}

} // namespace mg_cli
