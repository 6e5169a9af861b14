// mamisguide — the web guide's own words (the page served by `mamisguide serve` at /).
//
// The page's headings, labels and buttons. The rules' words (the guide's questions and answers,
// steps, forms, manuals, notes, refusals, the desk) come from the other tables through the
// guide, plan and support JSON; only the page's layout words live here. They reach the page as
// JSON written by the library (json::write_web_texts, mg_web_texts_json, GET /v1/texts), so no
// word is written in the page's HTML or JavaScript.
#pragma once

#include "../text.hpp"

namespace mamisguide::texts {

/// One word of the page: a stable key (an ASCII identifier the page looks up) and its text.
struct web_text {
    const char* key;
    bitext text;
};

/// Joins level names in a list of the levels held ("郡市区医師会＋都道府県医師会").
inline constexpr bitext web_levels_join{"＋", " + "};

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
    {"step1", {"【STEP 1】マイページ", "[STEP 1] MyPage"}},
    {"step1_ok",
     {"マイページあり → STEP 2 に進む", "The applicant has a MyPage → go on to STEP 2"}},
    {"user_registration",
     {"マイページがないため、まず利用者登録をする", "No MyPage yet: first register as a user"}},
    {"mypage_check",
     {"マイページの有無が不明：次のいずれかの方法で確認する",
      "Not sure whether a MyPage exists: check either way"}},
    {"step2", {"【STEP 2】", "[STEP 2] "}},
    {"form", {"申請書", "Form"}},
    {"selection", {"選択", "Select"}},
    {"case", {"ケース", "Case"}},
    {"actor", {"申請する人", "Who applies"}},
    {"actor_member", {"会員本人", "the member"}},
    {"actor_secretariat",
     {"医師会事務局（代理申請）", "the association secretariat (proxy application)"}},
    {"steps", {"手順", "Steps"}},
    {"checked", {"チェックを入れる医師会", "Associations to tick"}},
    {"categories", {"会員区分", "Member categories"}},
    {"unchecked", {"会員区分表が読み込まれていないため未確認", "not checked: no catalogue loaded"}},
    {"manual", {"マニュアル", "Manual"}},
    {"reason", {"異動事由", "Reason"}},
    {"notes", {"注意", "Notes"}},
    {"result", {"承認後の状態", "State after approval"}},
    {"not_member", {"非会員（どの医師会にも加入していない）", "not a member of any association"}},
    {"category_of", {"会員区分", "category"}},
    {"code", {"コード", "code"}},
    {"rule", {"ルール", "Rule"}},
    // ---- the desk ----
    {"desk", {"問い合わせ先", "Support desk"}},
    {"phone", {"電話", "Phone"}},
    {"mail", {"メール", "Mail"}},
    {"hours", {"受付時間", "Hours"}},
    {"desk_open", {"ただいま受付中です", "The desk is open now"}},
    {"desk_closed", {"ただいま受付時間外です", "The desk is closed now"}},
    {"desk_next", {"次の受付開始：{next}", "Opens next: {next}"}},
    // ---- a refusal ----
    {"refused", {"申請できません", "This application cannot be made"}},
    {"field", {"項目", "Field"}},
    {"instead", {"代わりに次の申請ができます", "Instead, this request succeeds"}},
    {"apply_suggestion", {"この申請に切り替える", "Switch to this request"}},
    {"suggestion_levels", {"対象の医師会", "Associations"}},
};

} // namespace mamisguide::texts
