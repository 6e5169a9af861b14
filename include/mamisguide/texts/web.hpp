// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the web guide's own words (the page served by `mamisguide serve` at /, and the
// same page in the single file build-wasm/mamisguide.html).
//
// The page's headings, labels and buttons. The plan's headings are the command line's own
// (texts/cli.hpp) and the desk's labels the desk's (texts/desk.hpp), referenced, not copied: one
// word, one place. The rules' words (the guide's questions and answers,
// steps, forms, manuals, notes, refusals, the desk) come from the other tables through the
// guide, plan and support JSON; only the page's layout words live here. They reach the page as
// JSON written by the library (json::write_web_texts, mg_web_texts_json, GET /v1/texts), so no
// word is written in the page's HTML or JavaScript.
#pragma once

#include "../text.hpp"
#include "cli.hpp"
#include "desk.hpp"

namespace mamisguide::texts {

/// One word of the page: a stable key (an ASCII identifier the page looks up) and its text.
struct web_text {
    const char* key;
    bitext text;
};

/// "{name}", "{n}" and "{next}" in a text are filled in by the page with a name, a number or a
/// time.
inline constexpr web_text web_texts[] = {
    {"title", {"MAMIS 申請ガイド", "MAMIS application guide"}},
    {"subtitle",
     {"医師会会員情報システム（MAMIS）の入会・異動・退会の手続きを、質問に答えて確認します。",
      "Answer the questions to see how to join, change or leave a medical association in MAMIS "
      "(医師会会員情報システム)."}},
    {"switch_lang", {"English", "日本語"}},
    {"nav_label", {"ページ操作", "Page controls"}},
    {"back", {"ひとつ前の質問に戻る", "Back one question"}},
    {"restart", {"最初からやり直す", "Start over"}},
    {"print", {"印刷する", "Print"}},
    {"answers_so_far", {"ここまでの回答", "Your answers so far"}},
    {"server_error",
     {"サーバーに接続できませんでした。ページを再読み込みしてください。",
      "The server could not be reached. Reload the page."}},
    {"bad_link",
     {"リンクの内容が読み取れなかったため、最初の質問から始めます。",
      "The link could not be read: starting from the first question."}},
    // ---- the leaf's inputs ----
    {"association_hint",
     {"コード、または名称の一部を入力してください（Enter で候補が 1 件なら選択）",
      "Type a code or part of a name (Enter picks the only match)"}},
    {"suggestions", {"候補", "Suggestions"}},
    {"no_match", {"該当する郡市区医師会がありません", "No municipal association matches"}},
    {"matches", {"{n} 件の候補", "{n} matches"}},
    {"selected", {"選択中", "Selected"}},
    {"category_for", {"{name}の会員区分", "Member category at {name}"}},
    {"category_free",
     {"会員区分のコード（この医師会の会員区分表は読み込まれていません）",
      "Category code (no catalogue is loaded for this association)"}},
    {"category_first",
     {"医師会を選択すると、会員区分の選択肢が表示されます。",
      "Choose the association(s) first: the category choices then appear here."}},
    {"proxy",
     {"医師会事務局が代理申請する", "The association secretariat applies on the member's behalf"}},
    {"show", {"案内を表示", "Show the guide"}},
    {"missing", {"未入力の項目があります", "Some fields are still empty"}},
    // ---- the plan ----
    {"plan_heading", {"案内", "The guide for this application"}},
    {"step1", cli::step1},
    {"step1_ok", cli::step1_ok},
    {"user_registration", cli::user_registration},
    {"mypage_check", cli::mypage_check},
    {"step2", cli::step2},
    {"form", {"申請書", "Form"}},
    {"selection", cli::selection},
    {"case", cli::case_label},
    {"actor", cli::actor},
    {"actor_member", cli::actor_member},
    {"actor_secretariat", cli::actor_secretariat},
    {"steps", cli::steps},
    {"checked", cli::checked},
    {"categories", cli::categories},
    {"unchecked", cli::unchecked},
    {"manual", cli::manual},
    {"reason", cli::reason},
    {"notes", cli::notes},
    {"result", cli::result},
    {"not_member", cli::not_member},
    {"category_of", cli::category_of},
    {"code", cli::code},
    {"rule", cli::rule},
    // ---- the desk ----
    {"desk", cli::desk},
    {"phone", desk_phone_label},
    {"mail", desk_mail_label},
    {"hours", desk_hours_label},
    {"desk_next", {"次の受付開始：{next}", "Opens next: {next}"}},
    // ---- a refusal ----
    {"refused", cli::refused},
    {"field", cli::field},
    {"instead", {"代わりに次の申請ができます", "Instead, this request succeeds"}},
    {"apply_suggestion", {"この申請に切り替える", "Switch to this request"}},
    {"suggestion_levels", {"対象の医師会", "Associations"}},
    // ---- the single file (build-wasm/mamisguide.html): the engine in the page ----
    {"engine_error",
     {"このブラウザーでは案内を表示できませんでした。Microsoft Edge、Google Chrome、Firefox、"
      "Safari の最新版で開いてください。",
      "The guide cannot run in this browser: open it in a current Microsoft Edge, Google Chrome, "
      "Firefox or Safari."}},
    {"sample_badge",
     {"サンプルの医師会マスター（架空のコード）で案内しています。実際の申請の前に、最初のページで"
      "自会の医師会マスターを読み込んでください。",
      "This guide uses the sample master, whose codes are made up: load your association's own "
      "master on the first page before a real application."}},
    {"sample_note",
     {"サンプルの医師会マスター（架空のコード）による案内です。実際の申請には、最初のページで自会の"
      "医師会マスターを読み込んでください。",
      "This plan uses the sample master, whose codes are made up: load your association's own "
      "master on the first page for a real application."}},
    {"master_heading", {"医師会マスター", "Association master"}},
    {"master_sample",
     {"使用中：同梱のサンプル（架空のコード）", "In use: the bundled sample (made-up codes)"}},
    {"master_loaded",
     {"使用中：{name}（郡市区医師会 {n} 件）", "In use: {name} ({n} municipal associations)"}},
    {"master_load", {"医師会マスターを読み込む", "Load your association master"}},
    {"master_hint",
     {"Excel で保存した CSV（Shift_JIS または UTF-8）か JSON のファイルを選んでください。"
      "見出しは日本語（医師会コード、医師会名、都道府県コード）でも英語でも構いません。",
      "Choose a CSV file saved from Excel (Shift_JIS or UTF-8) or a JSON file; the headers may be "
      "Japanese (医師会コード, 医師会名, 都道府県コード) or English."}},
    {"master_keep",
     {"このブラウザーに保存して次回も使う（会員の情報は保存されません）",
      "Keep it in this browser for next time (no member data is stored)"}},
    {"master_forget",
     {"読み込んだマスターを消去してサンプルに戻す",
      "Forget the loaded master (back to the sample)"}},
    {"master_reading", {"医師会マスターを読み込んでいます…", "Reading the master…"}},
    {"master_done", {"医師会マスターを読み込みました。", "The master is loaded."}},
    {"master_refused",
     {"このファイルは読み込めませんでした。使用中のマスターはそのままです。",
      "This file could not be loaded; the master in use stays."}},
    {"master_kept", {"このブラウザーに保存しました。", "It is kept in this browser."}},
    {"master_not_kept",
     {"このブラウザーには保存できませんでした（今回のみ使用します）。",
      "This browser could not keep it: it is used this time only."}},
    {"master_forgotten",
     {"読み込んだマスターを消去しました。サンプルで案内します。",
      "The loaded master is forgotten; the guide uses the sample again."}},
    {"master_stored_refused",
     {"保存されていた医師会マスターを読み込めなかったため、サンプルで案内します。",
      "The master kept in this browser could not be loaded; the guide uses the sample."}},
    // ---- how to use the page ----
    {"usage_heading", {"使い方", "How to use this guide"}},
    {"usage_walk",
     {"質問に答えて進みます（ボタンをクリック、またはキーボードの Tab と Enter）。",
      "Answer the questions (click a button, or use Tab and Enter)."}},
    {"usage_show",
     {"医師会や会員区分を入力して「案内を表示」を押すと、申請書、チェックする医師会、手順が表示"
      "されます。",
      "Enter the association and the categories, then press \"Show the guide\": the form, the "
      "associations to tick and the steps appear."}},
    {"usage_print",
     {"「印刷する」で案内を A4 用紙 1 枚に印刷し、申請する医師に渡せます。",
      "\"Print\" prints the guide on one A4 sheet for the doctor who applies."}},
    {"usage_share",
     {"「ひとつ前の質問に戻る」で答えを直せます。ページのアドレスに回答が入るので、アドレスを送ると"
      "同じ案内を開けます（氏名や会員番号は入りません）。",
      "\"Back one question\" changes an answer. The page's address holds the answers (never a "
      "name or a registration number), so sending it opens the same guide."}},
    {"usage_master",
     {"最初のページの「医師会マスターを読み込む」で、自会の医師会マスター（Excel で保存した CSV "
      "または JSON）を読み込みます。読み込むまでは架空のコードのサンプルで案内します。",
      "\"Load your association master\" on the first page reads your master (a CSV saved from "
      "Excel, or JSON); until then the guide uses a sample with made-up codes."}},
    {"usage_offline",
     {"このファイルはインターネットに接続せずに動きます。入力した内容はどこにも送信されません。",
      "This file works without the Internet: nothing you enter is sent anywhere."}},
    {"usage_download",
     {"この案内を 1 つのファイル（mamisguide.html）でダウンロードする（ネットワークのない PC "
      "でも、ダブルクリックで開けます）",
      "Download this guide as one file (mamisguide.html) that opens with a double-click, also on a "
      "computer without a network"}},
};

} // namespace mamisguide::texts
