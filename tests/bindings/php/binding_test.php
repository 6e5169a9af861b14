<?php
// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
//
// The PHP binding's side of tests/bindings/run_bindings.py: the same calls as native_driver.c,
// the same frames out ("<length>\n<bytes>\n"; a failure "E<status> <name>\n" + a frame of
// mg_last_error()), and the binding's own error checks.
//   php -d include_path=BUILD/php binding_test.php compare|answers|errors|constants ...
declare(strict_types=1);

require 'Mamisguide.php';

use Mamisguide\Engine;
use Mamisguide\Mamisguide;
use Mamisguide\MamisguideException;

$out = fopen('php://stdout', 'wb');
stream_set_write_buffer($out, 1 << 16);

function frame(string $data): void
{
    global $out;
    fwrite($out, strlen($data) . "\n" . $data . "\n");
}

/** One answer: its text ("ok" for a call with no answer), or the failure. */
function answer(callable $call): void
{
    global $out;
    try {
        $r = $call();
        frame($r === null ? 'ok' : (string)$r);
    } catch (MamisguideException $e) {
        fwrite($out, "E{$e->status} {$e->name}\n");
        frame($e->getMessage());
    }
}

function engine(string $master, string $categories): Engine
{
    $e = new Engine($master);
    if ($categories !== '-') {
        $e->loadCategories($categories);
    }
    return $e;
}

function compare(array $args): void
{
    for ($i = 0; $i + 2 < count($args); $i += 3) {
        $e = engine($args[$i], $args[$i + 1]);
        $input = file_get_contents($args[$i + 2]);
        $at = 0;
        $length = strlen($input);
        while ($at < $length) {
            $nl = strpos($input, "\n", $at);
            $n = (int)substr($input, $at, $nl - $at);
            $request = substr($input, $nl + 1, $n);
            $at = $nl + 1 + $n + 1;
            answer(fn () => $e->planJson($request));
        }
        $e->close();
    }
}

function answers(string $master, string $categories, string $bad, string $missing, string $cp932): void
{
    $ffi = Mamisguide::ffi();
    $e = engine($master, $categories);
    for ($lang = $ffi->MG_LANG_JA; $lang <= $ffi->MG_LANG_EN; ++$lang) {
        answer(fn () => Mamisguide::guideJson($lang));
        answer(fn () => Mamisguide::webTextsJson($lang));
        answer(fn () => Mamisguide::transitionsDot($lang));
        answer(fn () => $e->directoryDot($lang));
        answer(fn () => $e->directoryJson(null, '13', null, $lang));
        answer(fn () => $e->directoryJson('chiyoda', null, null, $lang));
        answer(fn () => $e->associationJson('13-chiyoda', $lang));
        answer(fn () => $e->guideCategoriesJson('change.transfer', '13-chiyoda', $ffi->MG_LEVELS_ALL, '28-kobe', 0, $lang));
        answer(fn () => $e->supportJson(1798592400, $lang));
        answer(fn () => Mamisguide::supportJson(1799024400, $lang));
        answer(fn () => Mamisguide::holidaysJson(2026, $lang));
        for ($mypage = $ffi->MG_MYPAGE_YES; $mypage <= $ffi->MG_MYPAGE_UNKNOWN; ++$mypage) {
            answer(fn () => Mamisguide::mypageStepJson($mypage, $lang));
        }
    }
    $en = $ffi->MG_LANG_EN;
    answer(fn () => $e->associationJson('99-nowhere', $en));
    answer(fn () => $e->guideCategoriesJson('nowhere', null, 0, null, 0, $en));
    answer(fn () => $e->directoryJson(null, '99', null, $en));
    answer(fn () => Mamisguide::holidaysJson(1999, $en));
    answer(fn () => Mamisguide::guideJson(7));
    answer(fn () => $e->supportJson(5000000000, $en));
    $e->close();
    answer(fn () => Mamisguide::parseInstant('2026-12-30T11:00:00+09:00'));
    answer(function () { Mamisguide::parseInstant('30 December'); });
    $fresh = new Engine();
    answer(function () use ($fresh, $bad) { $fresh->loadDirectory($bad); });
    answer(fn () => Mamisguide::lastLoadErrorJson($en));
    answer(function () use ($fresh, $bad) { $fresh->loadDirectoryBytes(file_get_contents($bad)); });
    answer(fn () => Mamisguide::lastLoadErrorJson($ffi->MG_LANG_JA));
    answer(function () use ($fresh, $missing) { $fresh->loadDirectory($missing); });
    answer(fn () => Mamisguide::lastLoadErrorJson($en));
    answer(function () use ($fresh, $missing) { $fresh->loadCategories($missing); });
    answer(function () use ($fresh, $master) { $fresh->loadDirectoryBytes(file_get_contents($master)); });
    answer(function () use ($fresh, $categories) { $fresh->loadCategoriesBytes(file_get_contents($categories)); });
    answer(fn () => $fresh->directoryJson(null, '13', null, $en));
    answer(function () use ($fresh) { $fresh->setEncoding(9); });
    answer(function () use ($fresh) { $fresh->setYearEnd(12, 28, 1, 5); });
    answer(fn () => $fresh->supportJson(1798419600, $en));
    answer(function () use ($fresh) { $fresh->setYearEnd(13, 1, 1, 5); });
    $fresh->close();
    $fresh = new Engine();
    answer(function () use ($fresh, $cp932) { $fresh->loadDirectory($cp932); });
    for ($lang = $ffi->MG_LANG_JA; $lang <= $ffi->MG_LANG_EN; ++$lang) {
        $notices = $fresh->notices($lang);
        frame((string)count($notices));
        array_map('frame', $notices);
    }
    answer(function () use ($fresh, $ffi) { $fresh->setEncoding($ffi->MG_ENCODING_UTF8); });
    answer(function () use ($fresh, $cp932) { $fresh->loadDirectory($cp932); });
    $fresh->close();
    answer(fn () => Mamisguide::version());
    answer(fn () => $ffi->mg_version_number());
    for ($status = -10; $status <= 15; ++$status) {
        answer(fn () => Mamisguide::statusName($status));
    }
}

// ---- the binding's own checks -------------------------------------------------------------------

$failed = 0;

function expect(string $what, bool $ok): void
{
    global $failed;
    echo ($ok ? 'ok: ' : 'FAIL: '), $what, "\n";
    $failed += $ok ? 0 : 1;
}

/** Runs $call, which must throw a $want; returns it (or null). */
function raises(string $what, string $want, callable $call): ?\Throwable
{
    try {
        $call();
        expect("$what: throws $want", false);
    } catch (\Throwable $t) {
        expect("$what: " . get_class($t) . ': ' . $t->getMessage(), $t instanceof $want);
        return $t instanceof $want ? $t : null;
    }
    return null;
}

function argumentError(string $what, callable $call): void
{
    $x = raises($what, MamisguideException::class, $call);
    expect("$what: argument_error", $x !== null && $x->getCode() === Mamisguide::ffi()->MG_ERR_ARGUMENT
        && $x->name === 'argument_error');
}

function errors(string $master, string $bad): void
{
    $ffi = Mamisguide::ffi();
    // a refused master: the code, its name and the library's message (file and line)
    $x = raises('refused master', MamisguideException::class, fn () => new Engine($bad));
    expect('refused master: load_error', $x !== null && $x->getCode() === $ffi->MG_ERR_LOAD
        && $x->name === 'load_error' && str_starts_with($x->getMessage(), "$bad:"));
    $x = raises('missing master', MamisguideException::class, fn () => new Engine("$bad.missing"));
    expect('missing master: io_error', $x !== null && $x->getCode() === $ffi->MG_ERR_IO);
    // NULL and wrong types: exceptions, never a crash
    $e = new Engine($master);
    raises('planJson(null)', \TypeError::class, fn () => $e->planJson(null));
    raises('planJson(array)', \TypeError::class, fn () => $e->planJson(['member' => []]));
    raises('planJson(object)', \TypeError::class, fn () => $e->planJson(new \stdClass()));
    raises('planJson(42) under strict_types', \TypeError::class, fn () => $e->planJson(42));
    raises('loadDirectory(null)', \TypeError::class, fn () => $e->loadDirectory(null));
    raises('associationJson(array)', \TypeError::class, fn () => $e->associationJson([]));
    raises('holidaysJson("2026")', \TypeError::class, fn () => Mamisguide::holidaysJson('2026'));
    raises('new Engine(3.5)', \TypeError::class, fn () => new Engine(3.5));
    raises('a NUL inside a path', \ValueError::class, fn () => $e->loadDirectory("$master\0x"));
    argumentError('a lang that is no language', fn () => $e->directoryDot(-1));
    // a refusal and invalid UTF-8 are answers, not exceptions
    $request = '{"member":{"municipal":"13-chiyoda","levels":["municipal","prefectural"]},'
        . '"request":{"operation":"withdraw","levels":["municipal"]}}';
    $answer = $e->planJson($request);
    expect('a refusal is an answer', str_starts_with($answer, '{"ok":false'));
    expect('invalid UTF-8 is an answer', strlen($e->planJson("\xff{")) > 0);
    expect('an empty request is an answer', strlen($e->planJson('')) > 0);
    expect('a NUL inside a request is sent', $e->planJson("{\0}") !== $e->planJson('{'));
    // a freed engine: closed twice, then used
    $e->close();
    $e->close();
    expect('closed twice', $e->isClosed());
    argumentError('planJson after close', fn () => $e->planJson($request));
    argumentError('supportJson after close', fn () => $e->supportJson(0));
    argumentError('loadDirectory after close', fn () => $e->loadDirectory($master));
    argumentError('notices after close', fn () => $e->notices());
    argumentError('directoryJson after close', fn () => $e->directoryJson());
    // engines that are never closed are freed with their last reference
    for ($i = 0; $i < 100; ++$i) {
        (new Engine())->planJson($request);
    }
    expect('engines freed by the garbage collector', true);
}

function constants(): void
{
    $ffi = Mamisguide::ffi();
    $header = getenv('MAMISGUIDE_FFI_HEADER') ?: dirname((new \ReflectionClass(Mamisguide::class))->getFileName()) . '/mamisguide_ffi.h';
    preg_match_all('/^\s+(MG_\w+) = /m', file_get_contents($header), $m);
    foreach ($m[1] as $name) {
        echo $name, '=', $ffi->$name, "\n";
    }
}

$mode = $argv[1] ?? '';
$args = array_slice($argv, 2);
if ($mode === 'compare' && count($args) >= 3 && count($args) % 3 === 0) {
    compare($args);
} elseif ($mode === 'answers' && count($args) === 5) {
    answers(...$args);
} elseif ($mode === 'errors' && count($args) === 2) {
    errors(...$args);
} elseif ($mode === 'constants') {
    constants();
} else {
    fwrite(STDERR, "usage: binding_test.php compare (MASTER CATEGORIES REQUESTS)... | answers MASTER CATEGORIES BAD MISSING CP932 | errors MASTER BAD | constants\n");
    exit(2);
}
fflush($out);
exit($failed === 0 ? 0 : 1);
