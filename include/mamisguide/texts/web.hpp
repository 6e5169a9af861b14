// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the web guide's own words (the page served by `mamisguide serve` at /).
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

/// "{name}", "{n}" and "{next}" in a text are filled in by the page with a name or a time.
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
};

} // namespace mamisguide::texts
