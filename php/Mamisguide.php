<?php
// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
//
// mamisguide for PHP: the C ABI through FFI, over the header the build writes from
// capi/mamisguide.h (build/php/mamisguide_ffi.h, beside this file there). Bytes in, bytes out:
// every answer is the library's own JSON. Needs PHP 8.1+ with FFI (Debian's php8.2-cli: FFI is
// enabled for the command line, ffi.enable=preload).
//
// The library: $MAMISGUIDE_LIBRARY when set, else libmamisguide.so.1 (mamisguide.dll on
// Windows, libmamisguide.dylib on macOS) through the system's loader. The header:
// $MAMISGUIDE_FFI_HEADER when set, else mamisguide_ffi.h beside this file.
declare(strict_types=1);

namespace Mamisguide;

/** A failure reported by libmamisguide: getCode() is the C status (MG_ERR_*, negative, or a
 * refusal's code 1-14 where a function refuses without a JSON answer), $name its name as
 * mg_status_name() spells it ("io_error", "load_error", ...), getMessage() mg_last_error(). */
class MamisguideException extends \RuntimeException
{
    public function __construct(public readonly int $status, public readonly string $name, string $message)
    {
        parent::__construct($message, $status);
    }

    /** The status of the call that failed, with mg_last_error() of this thread. */
    public static function fromStatus(int $status): self
    {
        $ffi = Mamisguide::ffi();
        // FFI gives a function's const char* result as a PHP string
        return new self($status, $ffi->mg_status_name($status), $ffi->mg_last_error());
    }
}

/** The library's answers that need no engine. Constants: Mamisguide::ffi()->MG_LANG_EN, ... */
final class Mamisguide
{
    private static ?\FFI $ffi = null;

    /** The C ABI (FFI::cdef of the generated header): every function and MG_* constant. */
    public static function ffi(): \FFI
    {
        if (self::$ffi === null) {
            $header = getenv('MAMISGUIDE_FFI_HEADER') ?: __DIR__ . '/mamisguide_ffi.h';
            $library = getenv('MAMISGUIDE_LIBRARY') ?: match (PHP_OS_FAMILY) {
                'Windows' => 'mamisguide.dll',
                'Darwin' => 'libmamisguide.dylib',
                default => 'libmamisguide.so.1',
            };
            $declarations = @file_get_contents($header);
            if ($declarations === false) {
                throw new \FFI\Exception("$header: " . (error_get_last()['message'] ?? ''));
            }
            self::$ffi = \FFI::cdef($declarations, $library);
        }
        return self::$ffi;
    }

    /** The bytes of a char* output (then mg_free), or the exception its status says. */
    public static function answer(int $status, \FFI\CData $out): string
    {
        $ffi = self::ffi();
        if ($status < 0 || \FFI::isNull($out)) {
            $error = MamisguideException::fromStatus($status);
            $ffi->mg_free($out);
            throw $error;
        }
        $bytes = \FFI::string($out);
        $ffi->mg_free($out);
        return $bytes;
    }

    /** A string for a const char* argument: C reads it up to the first NUL, so none may be inside. */
    public static function cstr(?string $s): ?string
    {
        if ($s !== null && str_contains($s, "\0")) {
            throw new \ValueError('a string argument holds a NUL character');
        }
        return $s;
    }

    /** Throws unless the status is MG_OK. */
    public static function check(int $status): void
    {
        if ($status !== self::ffi()->MG_OK) {
            throw MamisguideException::fromStatus($status);
        }
    }

    public static function version(): string
    {
        return self::ffi()->mg_version();
    }

    public static function statusName(int $status): string
    {
        return self::ffi()->mg_status_name($status);
    }

    private static function json(string $function, mixed ...$args): string
    {
        $ffi = self::ffi();
        $out = $ffi->new('char*');
        $status = $ffi->$function(...[...$args, \FFI::addr($out)]);
        return self::answer($status, $out);
    }

    /** mg_guide_json: the guide as data. $lang: MG_LANG_* (null: Japanese). */
    public static function guideJson(?int $lang = null): string
    {
        return self::json('mg_guide_json', $lang ?? self::ffi()->MG_LANG_JA);
    }

    /** mg_web_texts_json: the web guide's own words. */
    public static function webTextsJson(?int $lang = null): string
    {
        return self::json('mg_web_texts_json', $lang ?? self::ffi()->MG_LANG_JA);
    }

    /** mg_transitions_dot: the membership state machine as Graphviz DOT. */
    public static function transitionsDot(?int $lang = null): string
    {
        return self::json('mg_transitions_dot', $lang ?? self::ffi()->MG_LANG_JA);
    }

    /** mg_support_json with the default desk, at a Unix time. */
    public static function supportJson(int $unixSeconds, ?int $lang = null): string
    {
        return self::json('mg_support_json', null, $unixSeconds, $lang ?? self::ffi()->MG_LANG_JA);
    }

    /** mg_holidays_json: a year's national holidays (2000-2099). */
    public static function holidaysJson(int $year, ?int $lang = null): string
    {
        return self::json('mg_holidays_json', $year, $lang ?? self::ffi()->MG_LANG_JA);
    }

    /** mg_mypage_step_json: STEP 1 for a MyPage answer (MG_MYPAGE_*). */
    public static function mypageStepJson(int $mypage, ?int $lang = null): string
    {
        return self::json('mg_mypage_step_json', $mypage, $lang ?? self::ffi()->MG_LANG_JA);
    }

    /** mg_last_load_error_json: the refusal of this thread's last failed load. */
    public static function lastLoadErrorJson(?int $lang = null): string
    {
        return self::json('mg_last_load_error_json', $lang ?? self::ffi()->MG_LANG_JA);
    }

    /** mg_parse_instant: "2026-12-30T11:00:00+09:00" (any offset, or Z) as Unix seconds. */
    public static function parseInstant(string $text): int
    {
        $ffi = self::ffi();
        $out = $ffi->new('int64_t');
        self::check($ffi->mg_parse_instant(self::cstr($text), \FFI::addr($out)));
        return $out->cdata;
    }
}

/** An engine (mg_engine): JMA and the 47 prefectures, plus the masters and catalogues loaded.
 * Freed by close() or when the last reference goes; a closed engine throws argument_error. */
final class Engine
{
    private ?\FFI\CData $engine;

    /** An engine with the built-in directory and, when given, a municipal master file. */
    public function __construct(?string $master = null)
    {
        $ffi = Mamisguide::ffi();
        $out = $ffi->new('mg_engine*');
        Mamisguide::check($ffi->mg_engine_new(\FFI::addr($out)));
        $this->engine = $out;
        if ($master !== null) {
            try {
                $this->loadDirectory($master);
            } catch (\Throwable $e) {
                $this->close();
                throw $e;
            }
        }
    }

    public function __destruct()
    {
        $this->close();
    }

    /** Frees the native engine. Idempotent. */
    public function close(): void
    {
        if ($this->engine !== null) {
            Mamisguide::ffi()->mg_engine_free($this->engine);
            $this->engine = null;
        }
    }

    public function isClosed(): bool
    {
        return $this->engine === null;
    }

    private function handle(): \FFI\CData
    {
        if ($this->engine === null) {
            $status = Mamisguide::ffi()->MG_ERR_ARGUMENT;
            throw new MamisguideException($status, Mamisguide::statusName($status), 'the engine is closed');
        }
        return $this->engine;
    }

    private function json(string $function, mixed ...$args): string
    {
        $ffi = Mamisguide::ffi();
        $out = $ffi->new('char*');
        $status = $ffi->$function($this->handle(), ...[...$args, \FFI::addr($out)]);
        return Mamisguide::answer($status, $out);
    }

    /** mg_engine_load_directory: a municipal master file, CSV or JSON, UTF-8 or CP932. */
    public function loadDirectory(string $path): self
    {
        Mamisguide::check(Mamisguide::ffi()->mg_engine_load_directory($this->handle(), Mamisguide::cstr($path)));
        return $this;
    }

    /** mg_engine_load_directory_buffer: a master's bytes. */
    public function loadDirectoryBytes(string $data): self
    {
        Mamisguide::check(Mamisguide::ffi()->mg_engine_load_directory_buffer($this->handle(), $data, \strlen($data)));
        return $this;
    }

    /** mg_engine_load_categories: per-association category catalogues (association,code,label). */
    public function loadCategories(string $path): self
    {
        Mamisguide::check(Mamisguide::ffi()->mg_engine_load_categories($this->handle(), Mamisguide::cstr($path)));
        return $this;
    }

    /** mg_engine_load_categories_buffer: a catalogue's bytes. */
    public function loadCategoriesBytes(string $data): self
    {
        Mamisguide::check(Mamisguide::ffi()->mg_engine_load_categories_buffer($this->handle(), $data, \strlen($data)));
        return $this;
    }

    /** mg_engine_set_encoding: MG_ENCODING_* for the loads that follow. */
    public function setEncoding(int $encoding): self
    {
        Mamisguide::check(Mamisguide::ffi()->mg_engine_set_encoding($this->handle(), $encoding));
        return $this;
    }

    /** mg_engine_set_year_end: the support desk's year-end break (default 12/29-1/3). */
    public function setYearEnd(int $firstMonth, int $firstDay, int $lastMonth, int $lastDay): self
    {
        Mamisguide::check(Mamisguide::ffi()->mg_engine_set_year_end($this->handle(), $firstMonth, $firstDay, $lastMonth, $lastDay));
        return $this;
    }

    /** The notices of the last load (mg_engine_notice), e.g. that a file was read as CP932.
     * @return list<string> */
    public function notices(?int $lang = null): array
    {
        $ffi = Mamisguide::ffi();
        $e = $this->handle();
        $notices = [];
        for ($i = 0, $n = $ffi->mg_engine_notice_count($e); $i < $n; ++$i) {
            $notices[] = $ffi->mg_engine_notice($e, $i, $lang ?? $ffi->MG_LANG_JA);
        }
        return $notices;
    }

    /** mg_plan_json: a request of the JSON contract in, exactly the library's response out (a plan
     * or a refusal), whatever the bytes were. Throws only when no response could be given. */
    public function planJson(string $request): string
    {
        $ffi = Mamisguide::ffi();
        $out = $ffi->new('char*');
        $status = $ffi->mg_plan_json($this->handle(), $request, \strlen($request), \FFI::addr($out));
        return Mamisguide::answer($status, $out);
    }

    /** mg_directory_json: associations matching a search (each argument null for "any"). */
    public function directoryJson(?string $text = null, ?string $prefecture = null, ?string $code = null, ?int $lang = null): string
    {
        return $this->json('mg_directory_json', Mamisguide::cstr($text), Mamisguide::cstr($prefecture), Mamisguide::cstr($code), $lang ?? Mamisguide::ffi()->MG_LANG_JA);
    }

    /** mg_association_json: one association by code (unknown_association when none has it). */
    public function associationJson(string $code, ?int $lang = null): string
    {
        return $this->json('mg_association_json', Mamisguide::cstr($code), $lang ?? Mamisguide::ffi()->MG_LANG_JA);
    }

    /** mg_guide_categories_json: the category questions of a guide leaf ("join.national", ...). */
    public function guideCategoriesJson(string $leaf, ?string $memberMunicipal, int $memberLevels, ?string $municipal, int $levels, ?int $lang = null): string
    {
        return $this->json('mg_guide_categories_json', Mamisguide::cstr($leaf), Mamisguide::cstr($memberMunicipal), $memberLevels, Mamisguide::cstr($municipal), $levels, $lang ?? Mamisguide::ffi()->MG_LANG_JA);
    }

    /** mg_support_json: the desk at a Unix time, with this engine's year-end break. */
    public function supportJson(int $unixSeconds, ?int $lang = null): string
    {
        return $this->json('mg_support_json', $unixSeconds, $lang ?? Mamisguide::ffi()->MG_LANG_JA);
    }

    /** mg_directory_dot: the association hierarchy as Graphviz DOT. */
    public function directoryDot(?int $lang = null): string
    {
        return $this->json('mg_directory_dot', $lang ?? Mamisguide::ffi()->MG_LANG_JA);
    }
}
