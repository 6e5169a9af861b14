<?php
// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// README's PHP snippet, as README shows it; ctest runs it (examples/CMakeLists.txt).
require 'Mamisguide.php'; // build/php/, on the include_path: the class and its FFI header

use Mamisguide\Engine;
use Mamisguide\Mamisguide;
use Mamisguide\MamisguideException;

$master = $argv[1] ?? 'data/sample-municipal.csv'; // your master
$request = '{"member":{"municipal":"13-chiyoda","levels":["municipal","prefectural","national"]},'
    . '"request":{"operation":"withdraw","levels":["national"]}}';
try {
    $e = new Engine($master); // JMA + the 47 prefectures + your master
    // the library's bytes: a plan {"ok":true,...} or a refusal {"ok":false,"error":{...}}
    echo $e->planJson($request), "\n";
    echo $e->associationJson('13-chiyoda', Mamisguide::ffi()->MG_LANG_EN), "\n";
} catch (MamisguideException $err) { // io_error, load_error (file, line, reason), ...
    fwrite(STDERR, "{$err->name}: {$err->getMessage()}\n");
    exit(2);
}
