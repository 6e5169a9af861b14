// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide command line — what differs between POSIX systems and Windows, in one place
// (platform.cpp). Everything the command line takes or gives is UTF-8 on every platform: on
// Windows the arguments come from the wide command line, the environment from the wide
// environment, file names go through the wide API (mamisguide/detail/file.hpp), and text for a
// console is written (and read) as UTF-16, so that Japanese reads correctly whatever the
// console's code page. Files and pipes get the same bytes as on Linux: the standard streams are
// in binary mode (no CR added before LF).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace mg_cli::platform {

/// Called first by main(). Windows: the standard streams in binary mode. POSIX: nothing.
void start();

/// The command line's arguments, UTF-8: on Windows from GetCommandLineW (argv is in the ANSI
/// code page there, and loses what it cannot hold); elsewhere argv as it is.
std::vector<std::string> arguments(int argc, char** argv);

/// An environment variable, UTF-8 (Windows: the wide environment); empty when unset.
std::string environment(const char* name);

/// True when `f` is a terminal (Windows: a console).
bool is_terminal(std::FILE* f);

/// Writes all of `s` to `f`; false on a write error. Windows: to a console as UTF-16
/// (WriteConsoleW), so that the console shows the characters; to anything else, the bytes.
bool write(std::FILE* f, std::string_view s);

/// Writes all of `s` to standard error in as few system calls as the platform allows (one, for
/// a line that fits a pipe's atomic size), so that lines from several threads do not
/// interleave. Same console rule as write().
void write_stderr(std::string_view s);

/// Reads one line of standard input, without its line end ("\n", and on Windows "\r\n");
/// false at the end of the input. Windows: a console is read as UTF-16 (ReadConsoleW).
bool read_line(std::string& line);

/// A file descriptor open for reading the file named by UTF-8 `path` (Windows: binary mode);
/// -1 and errno on failure.
int open_read(const std::string& path);

/// How many processors this process may run on: its affinity mask's count (a container, a
/// `taskset` or a job object may allow fewer than the machine has); at least 1. Where the mask
/// cannot be read, std::thread::hardware_concurrency().
unsigned usable_cpus();

/// The directory of the running executable; empty when it cannot be told.
std::string executable_dir();

/// True when the file named by UTF-8 `path` exists and may be read.
bool readable(const std::string& path);

/// The path of the program `name` on PATH (Windows: `name`.exe), or empty.
std::string find_program(const std::string& name);

/// Runs `program` with the one argument `arg`, `input` on its standard input and our standard
/// output and error as its own; waits for it. Returns its exit status (0: success), or -1 when
/// it could not be started, with the reason in `error`.
int run_with_input(const std::string& program, const std::string& arg, std::string_view input,
                   std::string& error);

} // namespace mg_cli::platform
