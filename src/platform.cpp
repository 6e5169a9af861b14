// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide command line — the platform's calls (platform.hpp): POSIX first, then Windows.
#include "platform.hpp"

#include <mamisguide/detail/file.hpp>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <iostream>
#include <thread>

#ifdef _WIN32
#include <windows.h>
// (after windows.h, which it needs)
#include <fcntl.h>
#include <io.h>
#include <shellapi.h>
#else
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sched.h>
#endif

#include <climits>
#endif

namespace mg_cli::platform {

#ifndef _WIN32

void start() {}

std::vector<std::string> arguments(int argc, char** argv) {
    return std::vector<std::string>(argv, argv + argc);
}

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

bool is_terminal(std::FILE* f) {
    return ::isatty(::fileno(f)) == 1;
}

bool write(std::FILE* f, std::string_view s) {
    return std::fwrite(s.data(), 1, s.size(), f) == s.size();
}

void write_stderr(std::string_view s) {
    const char* p = s.data();
    std::size_t n = s.size();
    while (n > 0) {
        const ssize_t w = ::write(STDERR_FILENO, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return;
        p += w;
        n -= static_cast<std::size_t>(w);
    }
}

bool read_line(std::string& line) {
    return static_cast<bool>(std::getline(std::cin, line));
}

int open_read(const std::string& path) {
    return ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
}

std::string executable_dir() {
    char buf[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return {};
    std::string p(buf, static_cast<std::size_t>(n));
    const auto slash = p.rfind('/');
    return slash == std::string::npos ? std::string() : p.substr(0, slash);
}

bool readable(const std::string& path) {
    return !path.empty() && ::access(path.c_str(), R_OK) == 0;
}

std::string find_program(const std::string& name) {
    const char* path = std::getenv("PATH");
    if (!path) return {};
    std::string_view p(path);
    for (std::size_t start = 0; start <= p.size();) {
        std::size_t colon = p.find(':', start);
        if (colon == std::string_view::npos) colon = p.size();
        const std::string_view dir = p.substr(start, colon - start);
        start = colon + 1;
        const std::string candidate =
            (dir.empty() ? std::string(".") : std::string(dir)) + "/" + name;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return {};
}

int run_with_input(const std::string& program, const std::string& arg, std::string_view input,
                   std::string& error) {
    int fds[2];
    if (::pipe(fds) != 0) {
        error = std::string("pipe: ") + std::strerror(errno);
        return -1;
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        error = std::string("fork: ") + std::strerror(errno);
        return -1;
    }
    if (pid == 0) { // GCOVR_EXCL_BR_LINE: its true side runs only in the child (below)
        // GCOVR_EXCL_START: the child, which execs or _exits: its coverage counts are never written
        ::dup2(fds[0], STDIN_FILENO);
        ::close(fds[0]);
        ::close(fds[1]);
        const auto slash = program.rfind('/');
        const std::string name = slash == std::string::npos ? program : program.substr(slash + 1);
        ::execl(program.c_str(), name.c_str(), arg.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
        // GCOVR_EXCL_STOP
    }
    ::close(fds[0]);
    std::signal(SIGPIPE, SIG_IGN); // a program that exits early must not kill us
    bool wrote = true;
    for (std::size_t off = 0; off < input.size();) {
        const ssize_t n = ::write(fds[1], input.data() + off, input.size() - off);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            wrote = false;
            break;
        }
        off += static_cast<std::size_t>(n);
    }
    ::close(fds[1]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status)) return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    if (WEXITSTATUS(status) != 0) return WEXITSTATUS(status);
    return wrote ? 0 : 1;
}

#else // Windows

namespace {

std::string to_utf8(const wchar_t* s, std::size_t n) {
    std::string out;
    mamisguide::detail::utf16_to_utf8(std::u16string_view(reinterpret_cast<const char16_t*>(s), n),
                                      out);
    return out;
}

std::string to_utf8(const wchar_t* s) {
    return to_utf8(s, std::wcslen(s));
}

/// The console behind `f`, or nullptr when `f` is a file, a pipe or the null device.
HANDLE console_of(std::FILE* f) {
    const int fd = _fileno(f);
    if (fd < 0) return nullptr;
    const auto h = reinterpret_cast<HANDLE>(_get_osfhandle(fd));
    DWORD mode = 0;
    if (h == INVALID_HANDLE_VALUE || !GetConsoleMode(h, &mode)) return nullptr;
    return h;
}

/// The bytes of a UTF-8 character cut off at the end of the last write to each console stream,
/// kept for the next (a block of output may end in the middle of a character).
std::string& pending(std::FILE* f) {
    static std::string out, err;
    return f == stderr ? err : out;
}

/// How many bytes at the end of `s` begin a UTF-8 character that `s` does not complete.
std::size_t incomplete_tail(std::string_view s) {
    for (std::size_t back = 1; back <= 3 && back <= s.size(); ++back) {
        const auto c = static_cast<unsigned char>(s[s.size() - back]);
        if ((c & 0xC0) == 0x80) continue; // a continuation byte: look further back
        const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        return len > back ? back : 0;
    }
    return 0;
}

bool write_console(HANDLE h, std::FILE* f, std::string_view s) {
    std::string& carry = pending(f);
    std::string text = carry + std::string(s);
    const std::size_t keep = incomplete_tail(text);
    carry.assign(text, text.size() - keep, keep);
    text.resize(text.size() - keep);
    std::u16string wide;
    mamisguide::detail::utf8_to_utf16(text, wide, /*replace=*/true);
    // In pieces: older consoles refuse a single write of more than 64 KiB.
    for (std::size_t off = 0; off < wide.size();) {
        DWORD n = static_cast<DWORD>(std::min<std::size_t>(wide.size() - off, 8192));
        if (n > 1 && wide[off + n - 1] >= 0xD800 && wide[off + n - 1] <= 0xDBFF) --n; // keep pairs
        DWORD written = 0;
        if (!WriteConsoleW(h, wide.data() + off, n, &written, nullptr) || written == 0)
            return false;
        off += written;
    }
    return true;
}

} // namespace

void start() {
    // The same bytes as on Linux in files and pipes: no "\r" before each "\n", no end at ^Z.
    _setmode(_fileno(stdin), _O_BINARY);
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
}

std::vector<std::string> arguments(int argc, char** argv) {
    int n = 0;
    wchar_t** wide = CommandLineToArgvW(GetCommandLineW(), &n);
    if (!wide) return std::vector<std::string>(argv, argv + argc);
    std::vector<std::string> args;
    args.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) args.push_back(to_utf8(wide[i]));
    LocalFree(wide);
    return args;
}

std::string environment(const char* name) {
    std::wstring wname;
    if (!mamisguide::detail::utf8_to_wide(name, wname)) return {};
    const wchar_t* value = _wgetenv(wname.c_str());
    return value ? to_utf8(value) : std::string();
}

bool is_terminal(std::FILE* f) {
    return console_of(f) != nullptr;
}

bool write(std::FILE* f, std::string_view s) {
    if (HANDLE h = console_of(f)) {
        if (std::fflush(f) != 0) return false;
        return write_console(h, f, s);
    }
    return std::fwrite(s.data(), 1, s.size(), f) == s.size();
}

void write_stderr(std::string_view s) {
    if (HANDLE h = console_of(stderr)) {
        write_console(h, stderr, s);
        return;
    }
    const char* p = s.data();
    std::size_t n = s.size();
    while (n > 0) {
        const int w =
            _write(_fileno(stderr), p, static_cast<unsigned>(std::min<std::size_t>(n, 1 << 30)));
        if (w <= 0) return;
        p += w;
        n -= static_cast<std::size_t>(w);
    }
}

bool read_line(std::string& line) {
    line.clear();
    if (HANDLE h = console_of(stdin)) {
        std::u16string wide;
        wchar_t buf[512];
        for (;;) {
            DWORD got = 0;
            if (!ReadConsoleW(h, buf, 512, &got, nullptr)) return false;
            if (got == 0) break;
            wide.append(reinterpret_cast<const char16_t*>(buf), got);
            if (wide.back() == u'\n') break;
        }
        if (wide.empty() || wide.front() == u'\x1a') return false; // Ctrl+Z: the end
        while (!wide.empty() && (wide.back() == u'\n' || wide.back() == u'\r')) wide.pop_back();
        mamisguide::detail::utf16_to_utf8(wide, line);
        return true;
    }
    if (!std::getline(std::cin, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

int open_read(const std::string& path) {
    std::wstring wpath;
    if (!mamisguide::detail::utf8_to_wide(path, wpath)) return -1;
    return _wopen(wpath.c_str(), _O_RDONLY | _O_BINARY);
}

std::string executable_dir() {
    std::wstring buf(32768, L'\0');
    const DWORD n = GetModuleFileNameW(nullptr, buf.data(), static_cast<DWORD>(buf.size()));
    if (n == 0 || n >= buf.size()) return {};
    std::string p = to_utf8(buf.data(), n);
    const auto slash = p.find_last_of("\\/");
    return slash == std::string::npos ? std::string() : p.substr(0, slash);
}

bool readable(const std::string& path) {
    std::wstring wpath;
    return !path.empty() && mamisguide::detail::utf8_to_wide(path, wpath) &&
           _waccess(wpath.c_str(), 4) == 0;
}

std::string find_program(const std::string& name) {
    const std::string path = environment("PATH");
    for (std::size_t start = 0; start < path.size();) {
        std::size_t semi = path.find(';', start);
        if (semi == std::string::npos) semi = path.size();
        std::string dir = path.substr(start, semi - start);
        start = semi + 1;
        if (dir.size() >= 2 && dir.front() == '"' && dir.back() == '"')
            dir = dir.substr(1, dir.size() - 2);
        if (dir.empty()) continue;
        const std::string candidate = dir + "\\" + name + ".exe";
        std::wstring wide;
        if (!mamisguide::detail::utf8_to_wide(candidate, wide)) continue;
        const DWORD attributes = GetFileAttributesW(wide.c_str());
        if (attributes != INVALID_FILE_ATTRIBUTES && !(attributes & FILE_ATTRIBUTE_DIRECTORY))
            return candidate;
    }
    return {};
}

int run_with_input(const std::string& program, const std::string& arg, std::string_view input,
                   std::string& error) {
    const auto last_error = [&](const char* what) {
        error = std::string(what) + ": Windows error " + std::to_string(GetLastError());
        return -1;
    };
    std::wstring wprogram, warg;
    if (!mamisguide::detail::utf8_to_wide(program, wprogram) ||
        !mamisguide::detail::utf8_to_wide(arg, warg)) {
        error = program + ": not UTF-8";
        return -1;
    }
    SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
    HANDLE read_end = nullptr, write_end = nullptr;
    if (!CreatePipe(&read_end, &write_end, &inherit, 0)) return last_error("CreatePipe");
    SetHandleInformation(write_end, HANDLE_FLAG_INHERIT, 0);
    // The child's standard output and error are ours, made inheritable.
    const auto inheritable = [](DWORD which) {
        HANDLE h = GetStdHandle(which), copy = nullptr;
        if (h == nullptr || h == INVALID_HANDLE_VALUE ||
            !DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &copy, 0, TRUE,
                             DUPLICATE_SAME_ACCESS))
            return HANDLE(nullptr);
        return copy;
    };
    std::fflush(stdout);
    STARTUPINFOW si{};
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = read_end;
    si.hStdOutput = inheritable(STD_OUTPUT_HANDLE);
    si.hStdError = inheritable(STD_ERROR_HANDLE);
    std::wstring command = L"\"" + wprogram + L"\" " + warg;
    PROCESS_INFORMATION pi{};
    const BOOL started = CreateProcessW(wprogram.c_str(), command.data(), nullptr, nullptr, TRUE, 0,
                                        nullptr, nullptr, &si, &pi);
    const DWORD start_error = GetLastError();
    CloseHandle(read_end);
    if (si.hStdOutput) CloseHandle(si.hStdOutput);
    if (si.hStdError) CloseHandle(si.hStdError);
    if (!started) {
        CloseHandle(write_end);
        SetLastError(start_error);
        return last_error("CreateProcess");
    }
    bool wrote = true;
    for (std::size_t off = 0; off < input.size();) {
        DWORD n = 0;
        const DWORD want = static_cast<DWORD>(std::min<std::size_t>(input.size() - off, 1 << 20));
        if (!WriteFile(write_end, input.data() + off, want, &n, nullptr) || n == 0) {
            wrote = false;
            break;
        }
        off += n;
    }
    CloseHandle(write_end);
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD status = 1;
    GetExitCodeProcess(pi.hProcess, &status);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    if (status != 0) return static_cast<int>(status & 0xFF) ? static_cast<int>(status & 0xFF) : 1;
    return wrote ? 0 : 1;
}

#endif

unsigned usable_cpus() {
    unsigned n = 0;
#if defined(_WIN32)
    DWORD_PTR process = 0, system = 0;
    if (GetProcessAffinityMask(GetCurrentProcess(), &process, &system))
        for (; process; process &= process - 1) ++n;
#elif defined(__linux__)
    cpu_set_t set;
    CPU_ZERO(&set);
    // (It fails only on a machine of more than cpu_set_t's 1,024 processors.)
    if (sched_getaffinity(0, sizeof set, &set) == 0) // GCOVR_EXCL_BR_LINE: read here
        n = static_cast<unsigned>(CPU_COUNT(&set));
#endif
    if (n == 0) n = std::thread::hardware_concurrency(); // GCOVR_EXCL_BR_LINE: as above
    return std::max(n, 1u);
}

} // namespace mg_cli::platform
