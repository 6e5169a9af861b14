// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — bilingual static text.
//
// Every word a user sees lives in static tables of Japanese and English text. Rules return
// pointers to these entries (never formatted strings), so the hot path allocates nothing and a
// wording fix never touches a rule.
#pragma once

#include <cstddef>
#include <string_view>

namespace mamisguide {

/// The language of user-facing text. Japanese is the default everywhere.
enum class lang : unsigned char { ja, en };

/// True for a byte that a JSON string cannot hold as it is: a control character, a double quote
/// or a backslash.
constexpr bool json_escaped(char c) noexcept {
    return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\';
}

/// True when `s` holds no byte that JSON must escape.
constexpr bool json_plain(std::string_view s) noexcept {
    for (char c : s)
        if (json_escaped(c)) return false;
    return true;
}

/// One piece of user-facing text in Japanese and English (both static, UTF-8).
///
/// Each text's length, and whether it can go into a JSON string as it is (no control
/// character, quote or backslash), are worked out once, when the text is made: for the text
/// tables at compile time. Writers then copy a table's text without measuring or escaping it.
struct bitext {
    const char* ja;
    const char* en;

    constexpr bitext() noexcept : bitext(nullptr, nullptr) {}
    constexpr bitext(const char* j, const char* e) noexcept
        : ja(j), en(e), ja_size_(measure(j)), en_size_(measure(e)),
          ja_plain_(mamisguide::json_plain(std::string_view(j, ja_size_))),
          en_plain_(mamisguide::json_plain(std::string_view(e, en_size_))) {}

    constexpr const char* get(lang l) const noexcept { return l == lang::en ? en : ja; }
    /// The text with its length.
    constexpr std::string_view view(lang l) const noexcept {
        return l == lang::en ? std::string_view(en, en_size_) : std::string_view(ja, ja_size_);
    }
    /// True when the text needs no escaping inside a JSON string.
    constexpr bool json_plain(lang l) const noexcept {
        return l == lang::en ? en_plain_ : ja_plain_;
    }

private:
    static constexpr std::size_t measure(const char* s) noexcept {
        std::size_t n = 0;
        if (s)
            while (s[n]) ++n;
        return n;
    }
    std::size_t ja_size_, en_size_;
    bool ja_plain_, en_plain_;
};

/// Parses "ja" / "en"; returns false for anything else.
constexpr bool parse_lang(const char* s, lang& out) noexcept {
    if (!s) return false;
    if (s[0] == 'j' && s[1] == 'a' && s[2] == '\0') return out = lang::ja, true;
    if (s[0] == 'e' && s[1] == 'n' && s[2] == '\0') return out = lang::en, true;
    return false;
}

} // namespace mamisguide

namespace mamisguide::texts {

// ---- the levels and the membership states ----------------------------------------------------
inline constexpr bitext level_municipal{"郡市区医師会", "municipal medical association"};
inline constexpr bitext level_prefectural{"都道府県医師会", "prefectural medical association"};
inline constexpr bitext level_national{"日本医師会", "Japan Medical Association"};
inline constexpr bitext state_none{"非会員", "not a member"};
inline constexpr bitext state_municipal{"郡市区医師会", "municipal"};
inline constexpr bitext state_municipal_prefectural{"郡市区＋都道府県医師会",
                                                    "municipal + prefectural"};
inline constexpr bitext state_all{"郡市区＋都道府県＋日本医師会", "municipal + prefectural + JMA"};

// ---- forms and selections ----------------------------------------------------------------
inline constexpr bitext form_admission{"入会届", "Admission form (入会届)"};
inline constexpr bitext form_transfer{"異動届", "Change form (異動届)"};
inline constexpr bitext form_withdrawal{"退会届", "Withdrawal form (退会届)"};
inline constexpr bitext selection_new{"新規入会", "New admission (新規入会)"};
inline constexpr bitext selection_additional{"追加入会", "Additional admission (追加入会)"};
inline constexpr bitext selection_category_change{"会員区分の変更",
                                                  "Change of member category (会員区分の変更)"};
inline constexpr bitext selection_association_transfer{
    "医師会の異動", "Change of medical association (医師会の異動)"};

// ---- manuals -------------------------------------------------------------------------------
inline constexpr bitext manual_admission{"MAMIS 操作マニュアル（入会届）",
                                         "MAMIS Operation Manual (Admission Form / 入会届)"};
inline constexpr bitext manual_transfer{"MAMIS 操作マニュアル（異動届）",
                                        "MAMIS Operation Manual (Change Form / 異動届)"};
inline constexpr bitext manual_withdrawal{"MAMIS 操作マニュアル（退会届）",
                                          "MAMIS Operation Manual (Withdrawal Form / 退会届)"};
inline constexpr bitext manual_user_registration{
    "MAMIS操作マニュアル（利用者登録）", "MAMIS Operation Manual (User Registration / 利用者登録)"};
inline constexpr bitext manual_proxy{
    "MAMIS 操作マニュアル（医師会事務局による代理申請入力）",
    "MAMIS Operation Manual (Proxy Application Entry by Association Secretariats / "
    "医師会事務局による代理申請入力)"};

// ---- steps (the guide's wording; JSON carries them without the circled numbers) -----------
inline constexpr bitext step_login{"マイページにログイン", "Log in to MyPage"};
inline constexpr bitext step_click_admission{"［入会届］をクリック",
                                             "Click [Admission form] (［入会届］)"};
inline constexpr bitext step_check_associations{"該当する医師会にチェックを入れる",
                                                "Tick the medical associations to join"};
inline constexpr bitext step_choose_category{"会員区分を選択する", "Choose the member category"};
inline constexpr bitext step_right_of_new_box{
    "「新規入会」ボックスの右隣にある",
    "To the right of the \"New admission\" (「新規入会」) box,"};
inline constexpr bitext step_click_additional_box{
    "［追加入会］ボックスをクリック（ボックスが青くなり、選択状態になります）",
    "click the [Additional admission] (［追加入会］) box (the box turns blue: it is selected)"};
inline constexpr bitext step_add_prefectural{
    "都道府県医師会を選択し会員区分を選んで申請",
    "Select the prefectural medical association, choose the member category and apply"};
inline constexpr bitext step_add_national{
    "日本医師会を選択し会員区分を選んで申請",
    "Select the Japan Medical Association, choose the member category and apply"};
inline constexpr bitext step_add_prefectural_national{
    "都道府県医師会と日本医師会を選択し会員区分を選んで申請",
    "Select the prefectural medical association and the Japan Medical Association, choose the "
    "member categories and apply"};
inline constexpr bitext step_click_transfer{"［異動届］をクリック",
                                            "Click [Change form] (［異動届］)"};
inline constexpr bitext step_tick_category_change{
    "「会員区分の変更」にチェック", "Tick \"Change of member category\" (「会員区分の変更」)"};
inline constexpr bitext step_tick_target_associations{"対象医師会にチェック",
                                                      "Tick the medical associations concerned"};
inline constexpr bitext step_choose_new_category{"新しい会員区分を選択して申請",
                                                 "Choose the new member category and apply"};
inline constexpr bitext step_tick_association_transfer_no_move{
    "「医師会の異動」（異動がない場合も）にチェック",
    "Tick \"Change of medical association\" (「医師会の異動」), even though the association "
    "does not change"};
inline constexpr bitext step_tick_association_transfer{
    "「医師会の異動」にチェック", "Tick \"Change of medical association\" (「医師会の異動」)"};
inline constexpr bitext step_choose_reason{"異動事由を選択", "Choose the reason for the change"};
inline constexpr bitext step_reselect_current{
    "現在の医師会を再選択して、施設情報を入力・申請",
    "Select your current medical association again, enter the facility information and apply"};
inline constexpr bitext step_select_destination{
    "異動先医師会を検索・選択し、会員区分を入力",
    "Search for and select the destination medical association, and enter the member category"};
inline constexpr bitext step_enter_new_facility{"新しい施設情報を入力して申請",
                                                "Enter the new facility information and apply"};
inline constexpr bitext step_click_withdrawal{"［退会届］をクリック",
                                              "Click [Withdrawal form] (［退会届］)"};
inline constexpr bitext step_tick_and_withdraw{"退会する医師会にチェックを入れて申請",
                                               "Tick the medical associations to leave and apply"};

// ---- STEP 1: the MyPage prerequisites --------------------------------------------------------
inline constexpr bitext step_register_user{"利用者登録をする",
                                           "Register as a user (利用者登録) to create a MyPage"};
inline constexpr bitext step_then_step2{"登録後、STEP2に進む", "Then go on to STEP 2"};
inline constexpr bitext check_initial_login{
    "初期ログインで確認する：日本医師会がマイページを代行作成している場合、医籍登録番号（ID）＋ "
    "生年月日（パスワード）でログイン可能です。ログイン時に利用規約画面が表示された場合は、"
    "マイページが登録済みです。→ "
    "ご本人にその旨を伝え、規約に同意して登録完了をお願いしてください。",
    "Check by initial login: where JMA created the MyPage on the doctor's behalf, the doctor can "
    "log in with the medical registration number (医籍登録番号) as ID and the date of birth as "
    "password. If the terms-of-use screen appears, the MyPage exists: tell the doctor, and ask "
    "them to agree to the terms to finish registration."};
inline constexpr bitext check_member_search{
    "会員情報検索で確認する：医籍登録番号などで会員検索し、情報が表示されればマイページ登録済み"
    "です。→ 初期ID・パスワード（医籍登録番号／生年月日）をご案内ください。",
    "Check by member search (会員情報検索): search by medical registration number etc.; if the "
    "member's record shows, the MyPage exists: tell the doctor the initial ID and password "
    "(medical registration number / date of birth)."};
inline constexpr bitext check_not_found{
    "いずれの方法でも確認できない場合は、利用者登録をする（「MAMIS操作マニュアル（利用者登録）」）",
    "If neither finds it, register as a user (see \"MAMIS Operation Manual (User "
    "Registration)\")"};
inline constexpr bitext check_ask_desk{
    "それでも不明な場合は、医師会会員情報システム運営事務局へお問い合わせください",
    "If still unsure, ask the MAMIS support desk (医師会会員情報システム運営事務局)"};

// ---- notes -------------------------------------------------------------------------------------
inline constexpr bitext note_cascade_prefectural{
    "郡市区医師会を退会するため、都道府県医師会の退会を追加しました。",
    "Leaving the municipal association: the prefectural association was added to the "
    "withdrawal."};
inline constexpr bitext note_cascade_national{
    "上位の医師会として、日本医師会の退会を追加しました。",
    "The Japan Medical Association, above the levels left, was added to the withdrawal."};
inline constexpr bitext note_cascade_prefectural_national{
    "上位の医師会として、都道府県医師会と日本医師会の退会を追加しました。",
    "The prefectural association and the Japan Medical Association, above the levels left, were "
    "added to the withdrawal."};
inline constexpr bitext note_prefectural_moves{
    "異動先が別の都道府県のため、都道府県医師会の会員資格は異動先の都道府県医師会に移ります。",
    "The destination is in another prefecture: the prefectural membership moves to the "
    "destination's prefectural association."};
inline constexpr bitext note_prefectural_stays{
    "異動先は同じ都道府県内のため、都道府県医師会は変わりません。",
    "The destination is in the same prefecture: the prefectural association does not change."};
inline constexpr bitext note_national_continues{"日本医師会の会員資格は継続します。",
                                                "The JMA membership continues."};
inline constexpr bitext note_category_unchecked{
    "この医師会の会員区分表が読み込まれていないため、会員区分を確認していません。",
    "No category catalogue is loaded for this association: the category was not checked."};
inline constexpr bitext note_category_ignored{
    "異動しない医師会の会員区分は変更されません。会員区分を変更する場合は「会員区分の変更」を申請し"
    "てください。",
    "Categories given for associations that do not change were not applied: to change them, apply "
    "for a change of member category."};
inline constexpr bitext note_proxy{
    "医師会事務局が会員の代わりに申請を行います。専用のマニュアルをご参照ください。",
    "The association secretariat applies on the member's behalf: see the dedicated manual."};

// ---- refusal messages ----------------------------------------------------------------------
inline constexpr bitext msg_invalid_request{"リクエストの形式が正しくありません。",
                                            "The request is not well-formed."};
inline constexpr bitext msg_request_municipal_missing{
    "入会する郡市区医師会、または異動先の郡市区医師会を指定してください。",
    "Name the municipal association to join or to move to (request.municipal)."};
inline constexpr bitext msg_levels_missing{"対象の医師会（levels）を指定してください。",
                                           "Name at least one level (request.levels)."};
inline constexpr bitext msg_category_for_other_level{
    "申請の対象ではない医師会に会員区分が指定されています。",
    "A category was given for a level this application does not join or change."};
inline constexpr bitext msg_levels_not_used{
    "この手続きでは対象の医師会（levels）は指定できません。",
    "This operation takes no levels (request.levels)."};
inline constexpr bitext msg_categories_not_used{
    "この手続きでは会員区分は指定できません。会員区分の変更を申請してください。",
    "This operation takes no categories: apply for a change of category instead."};
inline constexpr bitext msg_cascade_not_used{"cascade は退会（withdraw）でのみ指定できます。",
                                             "cascade applies to withdrawals only."};
inline constexpr bitext msg_municipal_not_used{
    "この手続きでは、現在の郡市区医師会と異なる医師会は指定できません。",
    "This operation cannot name a municipal association other than the member's own."};
inline constexpr bitext msg_unknown_association{"指定された医師会コードは登録されていません。",
                                                "The association code is not in the directory."};
inline constexpr bitext msg_level_mismatch{
    "郡市区医師会を指定してください（指定されたコードは都道府県医師会または日本医師会です）。",
    "A municipal association is needed here; the code names a prefectural association or JMA."};
inline constexpr bitext msg_state_not_chain{
    "会員の加入状況が正しくありません。都道府県医師会には郡市区医師会、日本医師会には都道府県医師会"
    "への加入が必要です。",
    "The member's levels are not a legal chain: prefectural membership needs municipal "
    "membership, and JMA membership needs prefectural membership."};
inline constexpr bitext msg_state_municipal_missing{
    "加入中の郡市区医師会（member.municipal）が指定されていません。",
    "The member holds levels but names no municipal association (member.municipal)."};
inline constexpr bitext msg_state_municipal_without_levels{
    "医師会に加入していない会員に郡市区医師会が指定されています。",
    "A municipal association was given for a member who holds no level."};
inline constexpr bitext msg_state_category_not_held{
    "加入していない医師会の会員区分が指定されています。",
    "A category was given for a level the member does not hold."};
inline constexpr bitext msg_state_prefectural_mismatch{
    "都道府県医師会が、加入中の郡市区医師会の所属する都道府県医師会と一致しません。",
    "The prefectural association given is not the one the member's municipal association "
    "belongs to."};
inline constexpr bitext msg_state_prefectural_not_held{
    "都道府県医師会に加入していない会員に都道府県医師会が指定されています。",
    "A prefectural association was given for a member who does not hold the prefectural "
    "level."};
inline constexpr bitext msg_not_a_member{
    "医師会の会員ではありません。まず新規入会（入会届）を申請してください。",
    "The applicant is not a member of any association: apply for a new admission first."};
inline constexpr bitext msg_already_member{
    "すでに医師会の会員です。上位の医師会に入会する場合は追加入会を申請してください。",
    "The applicant is already a member: to join a higher level, apply for additional "
    "admission."};
inline constexpr bitext msg_level_not_held{
    "加入していない医師会が指定されています。",
    "The member does not hold a level named in the request."};
inline constexpr bitext msg_level_already_held{
    "すでに加入している医師会が指定されています。",
    "The member already holds a level named in the request."};
inline constexpr bitext msg_withdraw_municipal_all{
    "郡市区医師会を退会する場合は、都道府県医師会と日本医師会も退会する必要があります。",
    "To leave the municipal association, the member must also leave the prefectural association "
    "and the Japan Medical Association."};
inline constexpr bitext msg_withdraw_municipal_prefectural{
    "郡市区医師会を退会する場合は、都道府県医師会も退会する必要があります。",
    "To leave the municipal association, the member must also leave the prefectural "
    "association."};
inline constexpr bitext msg_withdraw_prefectural_national{
    "都道府県医師会を退会する場合は、日本医師会も退会する必要があります。",
    "To leave the prefectural association, the member must also leave the Japan Medical "
    "Association."};
inline constexpr bitext msg_join_needs_municipal{
    "新規入会では、郡市区医師会への入会が必要です。",
    "A new admission must include the municipal association."};
inline constexpr bitext msg_join_needs_prefectural{
    "日本医師会に入会するには、都道府県医師会への入会が必要です。",
    "Joining the Japan Medical Association requires membership of the prefectural association."};
inline constexpr bitext msg_same_association{
    "異動先が現在の医師会と同じです。施設変更（医師会異動なし）を申請してください。",
    "The destination is the current association: apply for a facility change without a change "
    "of association."};
inline constexpr bitext msg_category_required{
    "入会・変更する医師会の会員区分を選択してください。",
    "Choose a member category for every association joined or changed."};
inline constexpr bitext msg_unknown_category{
    "指定された会員区分は、その医師会の会員区分にありません。",
    "The category is not in that association's catalogue."};
inline constexpr bitext msg_category_unchanged{"新しい会員区分が現在の会員区分と同じです。",
                                               "The new category is the same as the current one."};
inline constexpr bitext msg_no_category{
    "開設者・管理者は日医医師賠償責任保険に加入しない選択ができないため、該当する日本医師会の会員区"
    "分が"
    "ありません。",
    "A founder or manager who opts out of JMA's medical liability insurance has no JMA "
    "category."};

} // namespace mamisguide::texts

namespace mamisguide::texts {

// ---- the guide's cases: what the flowchart calls each leaf, and what it says to do ----------
inline constexpr bitext case_join_municipal{"郡市医師会まで入会",
                                            "Join up to the municipal association"};
inline constexpr bitext case_join_prefectural{"都道府県医師会まで入会",
                                              "Join up to the prefectural association"};
inline constexpr bitext case_join_national{"日医まで入会", "Join up to JMA"};
inline constexpr bitext do_join_municipal{"郡市医師会のみ選択して申請",
                                          "Select only the municipal association and apply"};
inline constexpr bitext do_join_prefectural{
    "郡市＋都道府県を選択して申請", "Select the municipal and prefectural associations and apply"};
inline constexpr bitext do_join_national{
    "郡市＋都道府県＋日医を選択して申請",
    "Select the municipal and prefectural associations and JMA and apply"};
inline constexpr bitext case_add_prefectural{
    "郡市医師会まで入会済み → 都道府県医師会に追加入会",
    "Member up to the municipal association → join the prefectural association"};
inline constexpr bitext case_add_national{"都道府県医師会まで入会済み → 日本医師会に追加入会",
                                          "Member up to the prefectural association → join JMA"};
inline constexpr bitext case_add_prefectural_national{
    "郡市医師会まで入会済み → 都道府県医師会と日本医師会に追加入会",
    "Member up to the municipal association → join the prefectural association and JMA"};
inline constexpr bitext case_change_category{
    "会員区分の変更（医師会異動なし）", "Change of member category (no change of association)"};
inline constexpr bitext case_change_facility{"施設変更（医師会異動なし）",
                                             "Change of facility (no change of association)"};
inline constexpr bitext case_transfer{"施設変更（医師会異動あり）",
                                      "Change of facility (with a change of association)"};
inline constexpr bitext case_withdraw_m{"郡市医師会のみ入会 → 全退会",
                                        "Member of the municipal association only → leave it"};
inline constexpr bitext do_withdraw_m{"郡市医師会にのみチェックを入れて申請",
                                      "Tick only the municipal association and apply"};
inline constexpr bitext case_withdraw_p_of_mp{
    "都道府県医師会のみ退会（郡市は継続）",
    "Leave only the prefectural association (municipal membership continues)"};
inline constexpr bitext do_withdraw_p_of_mp{"都道府県医師会のみにチェックを入れて申請",
                                            "Tick only the prefectural association and apply"};
inline constexpr bitext case_withdraw_mp{
    "都道府県医師会まで入会 → 郡市含め全退会",
    "Member up to the prefectural association → leave everything, municipal included"};
inline constexpr bitext do_withdraw_mp{"郡市と都道府県医師会にチェックを入れて申請",
                                       "Tick the municipal and prefectural associations and apply"};
inline constexpr bitext case_withdraw_n{"日本医師会のみ退会（郡市・都道府県は継続）",
                                        "Leave JMA only (municipal and prefectural continue)"};
inline constexpr bitext do_withdraw_n{"日本医師会のみにチェックを入れて申請",
                                      "Tick only JMA and apply"};
inline constexpr bitext case_withdraw_pn{"都道府県・日医退会（郡市は継続）",
                                         "Leave the prefectural association and JMA (municipal "
                                         "continues)"};
inline constexpr bitext do_withdraw_pn{"都道府県と日医にチェックを入れて申請",
                                       "Tick the prefectural association and JMA and apply"};
inline constexpr bitext case_withdraw_all{"郡市・都道府県・日医すべて退会（完全退会）",
                                          "Leave the municipal and prefectural associations and "
                                          "JMA (complete withdrawal)"};
inline constexpr bitext do_withdraw_all{
    "郡市・都道府県・日医すべてにチェックを入れて申請",
    "Tick the municipal and prefectural associations and JMA and apply"};

} // namespace mamisguide::texts

namespace mamisguide::texts {

// ---- invalid_request from the JSON reader ----------------------------------------------------
inline constexpr bitext json_syntax{"JSON として正しくありません。",
                                    "The request is not valid JSON."};
inline constexpr bitext json_utf8{"UTF-8 として正しくないバイト列があります。",
                                  "The request is not valid UTF-8."};
inline constexpr bitext json_too_large{"リクエストが大きすぎます。", "The request is too large."};
inline constexpr bitext json_too_deep{"JSON の入れ子が深すぎます。",
                                      "The JSON is nested too deeply."};
inline constexpr bitext json_empty{"リクエストが空です。", "The request is empty."};
inline constexpr bitext json_not_object{"リクエストは JSON オブジェクトである必要があります。",
                                        "The request must be a JSON object."};
inline constexpr bitext json_unknown_field{"不明な項目があります。", "Unknown field."};
inline constexpr bitext json_duplicate_field{"同じ項目が重複しています。", "A field is repeated."};
inline constexpr bitext json_wrong_type{"項目の型が正しくありません。",
                                        "A field has the wrong type."};
inline constexpr bitext json_missing_field{"必須の項目がありません。",
                                           "A required field is missing."};
inline constexpr bitext json_unknown_operation{"不明な手続き（operation）です。",
                                               "Unknown operation."};
inline constexpr bitext json_unknown_level{"不明な医師会の階層（level）です。",
                                           "Unknown level name."};
inline constexpr bitext json_duplicate_level{"同じ階層が重複しています。", "A level is repeated."};
inline constexpr bitext json_unknown_mypage{"mypage は yes、no、unknown のいずれかです。",
                                            "mypage must be yes, no or unknown."};
inline constexpr bitext json_unknown_lang{"lang は ja または en です。", "lang must be ja or en."};
inline constexpr bitext json_internal{"内部エラーが発生しました。", "Internal error."};

} // namespace mamisguide::texts
