// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the words of the HTTP service (`mamisguide serve`): its log lines on standard
// error, the messages of its error responses and the plain page at /. Japanese first (the
// default), English second. The codes that go with the messages are English and fixed.
#pragma once

#include <mamisguide/text.hpp>

namespace mamisguide::texts {

// ---- log lines (standard error) --------------------------------------------------------------
inline constexpr bitext http_listening{"待ち受けを開始しました: ", "listening on "};
inline constexpr bitext http_stopping{"終了します。処理中のリクエストに応答してから停止します。",
                                      "stopping: answering the requests in flight first"};
inline constexpr bitext http_stopped{"停止しました。", "stopped"};
inline constexpr bitext http_reloaded{"データを再読み込みしました。団体数: ",
                                      "reloaded the data; associations: "};
inline constexpr bitext http_reload_refused{
    "再読み込みできませんでした。以前のデータで応答を続けます: ",
    "reload refused; the previous data keeps serving: "};
inline constexpr bitext http_bad_listen{"--listen には ADDR:PORT を指定してください: ",
                                        "--listen expects ADDR:PORT, not: "};
inline constexpr bitext http_cannot_listen{"待ち受けを開始できません: ", "cannot listen on "};
inline constexpr bitext http_bad_cors{
    "--cors にはオリジン（例: https://desk.example.jp）を一つ指定してください: ",
    "--cors expects one origin (e.g. https://desk.example.jp), not: "};

// ---- error responses (the body's "message"; the code is given beside each) -------------------
/// not_found (404)
inline constexpr bitext http_not_found{"そのパスはありません。", "There is no such path."};
/// not_found (404) at /mamisguide.html when the single-file guide is not installed
inline constexpr bitext http_guide_file_missing{
    "単一ファイル版の案内（mamisguide.html）はこのサーバーにインストールされていません。"
    "scripts/wasm.sh で作成し、/usr/share/mamisguide/ に置くか、--guide-html で指定してください。",
    "The single-file guide (mamisguide.html) is not installed on this server: make it with "
    "scripts/wasm.sh and put it in /usr/share/mamisguide/, or name it with --guide-html."};
inline constexpr bitext http_guide_file_bad{
    "--guide-html のファイルを読み込めないか、mamisguide.html ではありません: ",
    "--guide-html: the file cannot be read, or it is not a mamisguide.html: "};
/// method_not_allowed (405)
inline constexpr bitext http_method_not_allowed{"このパスではそのメソッドは使えません。",
                                                "This method is not allowed on this path."};
/// bad_request (400): the request line or a header is malformed
inline constexpr bitext http_bad_request{"HTTP リクエストの形式が正しくありません。",
                                         "The HTTP request is malformed."};
/// header_too_large (431)
inline constexpr bitext http_header_too_large{"リクエストのヘッダーが大きすぎます。",
                                              "The request's header is too large."};
/// payload_too_large (413), outside /v1/plan (which answers with the contract's refusal)
inline constexpr bitext http_body_too_large{"リクエストの本文が大きすぎます。",
                                            "The request body is too large."};
/// request_timeout (408)
inline constexpr bitext http_timeout{"リクエストを時間内に受信できませんでした。",
                                     "The request did not arrive in time."};
/// too_many_connections (503)
inline constexpr bitext http_busy{
    "接続数が上限に達しています。しばらくしてから再度お試しください。",
    "Too many connections; try again later."};
/// invalid_parameter (400): a query parameter that is unknown or has a wrong value
inline constexpr bitext http_unknown_parameter{"そのクエリパラメーターはありません。",
                                               "Unknown query parameter."};
inline constexpr bitext http_bad_parameter{"クエリパラメーターの値が正しくありません。",
                                           "A query parameter's value is not valid."};
inline constexpr bitext http_bad_lang{"lang は ja または en です。", "lang is ja or en."};
inline constexpr bitext http_bad_year{"年は 2000 から 2099 までです。",
                                      "The year is 2000 to 2099."};
inline constexpr bitext http_bad_instant{
    "日時は ISO 8601 形式（例: 2026-12-30T11:00:00+09:00）で指定してください。",
    "The time is ISO 8601 (e.g. 2026-12-30T11:00:00+09:00)."};
/// internal_error (500)
inline constexpr bitext http_internal{"内部エラーが発生しました。", "Internal error."};
/// out_of_memory (503): memory ran out while answering this request; others are still served,
/// and the same request may succeed when retried. Also the detail of a reload that ran out of
/// memory, and the log line of a request that could not even be answered with a 503.
inline constexpr bitext http_out_of_memory{
    "メモリが不足しているため応答できませんでした。しばらくしてから再度お試しください。",
    "Out of memory; try again later."};

// ---- the plain page at / (until the web guide replaces it) -----------------------------------
inline constexpr bitext http_page_title{"mamisguide — MAMIS 申請ガイド API",
                                        "mamisguide — MAMIS application guide API"};
inline constexpr bitext http_page_intro{
    "MAMIS（医師会会員情報システム）の入会・異動・退会の申請手順を、JSON の API で答えます。",
    "Answers which MAMIS form to use, which boxes to tick and in which order (join, change, "
    "withdraw), as a JSON API."};
inline constexpr bitext http_page_plan{"申請の手順（POST、JSON の申請 1 件）",
                                       "A plan (POST, one JSON request)"};
inline constexpr bitext http_page_batch{"一括処理（POST、JSON Lines）", "Batch (POST, JSON Lines)"};
inline constexpr bitext http_page_guide{"ガイドのフローチャート（データ）",
                                        "The guide's flowchart, as data"};
inline constexpr bitext http_page_directory{"医師会の一覧と検索", "Associations: list and search"};
inline constexpr bitext http_page_support{"サポート窓口の受付状況", "Is the support desk open"};
inline constexpr bitext http_page_holidays{"祝日", "National holidays"};
inline constexpr bitext http_page_openapi{"API の仕様（OpenAPI 3.1）",
                                          "The API description (OpenAPI 3.1)"};
inline constexpr bitext http_page_health{"稼働確認", "Health check"};
inline constexpr bitext http_page_metrics{"メトリクス（Prometheus）", "Metrics (Prometheus)"};
inline constexpr bitext http_page_other_lang{"English", "日本語"};

} // namespace mamisguide::texts
