// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — text table: the command line (`mamisguide plan`, `guide`, `directory`,
// `support`, `holidays`): its headings, prompts and punctuation. The rules' own words (steps,
// messages, cases) are in text.hpp; the desk's in texts/desk.hpp.
#pragma once

#include "../text.hpp"

namespace mamisguide::texts::cli {

// ---- punctuation: Japanese uses full-width forms ----------------------------------------------
inline constexpr bitext colon{"：", ": "};
inline constexpr bitext heading_end{"：\n", ":\n"};
inline constexpr bitext paren_open{"（", " ("};
inline constexpr bitext paren_close{"）", ")"};
inline constexpr bitext quote_open{"「", "\""};
inline constexpr bitext quote_close{"」", "\""};
inline constexpr bitext list_sep{"・", ", "};
inline constexpr bitext bullet{"  ・", "  - "};
inline constexpr bitext plus{"＋", " + "};

// ---- the plan printed for a person (plan, guide) -------------------------------------------
inline constexpr bitext step1{"【STEP 1】マイページ", "[STEP 1] MyPage"};
inline constexpr bitext step1_ok{"マイページあり → STEP 2 に進む",
                                 "The applicant has a MyPage → go on to STEP 2"};
inline constexpr bitext user_registration{"マイページがないため、まず利用者登録をする",
                                          "No MyPage yet: first register as a user"};
inline constexpr bitext mypage_check{"マイページの有無が不明：次のいずれかの方法で確認する",
                                     "Not sure whether a MyPage exists: check either way"};
inline constexpr bitext step2{"【STEP 2】", "[STEP 2] "};
inline constexpr bitext selection{"選択", "Select"};
inline constexpr bitext case_label{"ケース", "Case"};
inline constexpr bitext actor{"申請する人", "Who applies"};
inline constexpr bitext actor_member{"会員本人", "the member"};
inline constexpr bitext actor_secretariat{"医師会事務局（代理申請）",
                                          "the association secretariat (proxy application)"};
inline constexpr bitext steps{"手順", "Steps"};
inline constexpr bitext checked{"チェックを入れる医師会", "Associations to tick"};
inline constexpr bitext categories{"会員区分", "Member categories"};
inline constexpr bitext unchecked{"会員区分表が読み込まれていないため未確認",
                                  "not checked: no catalogue loaded"};
inline constexpr bitext manual{"マニュアル", "Manual"};
inline constexpr bitext notes{"注意", "Notes"};
inline constexpr bitext result{"承認後の状態", "State after approval"};
inline constexpr bitext not_member{"非会員（どの医師会にも加入していない）",
                                   "not a member of any association"};
inline constexpr bitext category_of{"会員区分", "category"};
inline constexpr bitext reason{"異動事由", "Reason"};
inline constexpr bitext rule{"ルール", "Rule"};
inline constexpr bitext desk{"問い合わせ先", "Support desk"};
inline constexpr bitext refused{"申請できません", "This application cannot be made"};
inline constexpr bitext code{"コード", "code"};
inline constexpr bitext field{"項目", "Field"};
inline constexpr bitext instead{"代わりに次の申請ができます：", "Instead, this request succeeds:"};

// ---- directory ---------------------------------------------------------------------------------
inline constexpr bitext level_heading{"階層", "level"};
inline constexpr bitext name{"名称", "name"};
inline constexpr bitext name_en{"英語名", "English name"};
inline constexpr bitext parent{"上位", "parent"};
inline constexpr bitext no_match{"該当する医師会はありません", "no association matches"};
inline constexpr bitext count{" 件", " association(s)"};

// ---- support -----------------------------------------------------------------------------------
inline constexpr bitext at{"日時", "At"};
inline constexpr bitext status{"状態", "Status"};
inline constexpr bitext next_open{"次の受付開始", "Next opening"};

// ---- guide: prompts and answers ---------------------------------------------------------------
inline constexpr bitext choose_number{"番号または値", "number or value"};
inline constexpr bitext end_of_input{"回答が入力されないまま入力が終了しました",
                                     "the input ended before an answer was given"};
inline constexpr bitext invalid_answer{"選択肢にない回答です", "not one of the choices"};
inline constexpr bitext not_municipal{"郡市区医師会のコードではありません",
                                      "not the code of a municipal association"};
inline constexpr bitext code_hint{"コード（一覧: mamisguide directory）",
                                  "code (list: mamisguide directory)"};
inline constexpr bitext levels_now{"現在の加入状況", "Member now of"};
inline constexpr bitext comma_list{"番号または値、複数はカンマ区切り",
                                   "numbers or values, comma-separated"};
inline constexpr bitext not_held{"加入していない医師会です", "a level the member does not hold"};
inline constexpr bitext category_for{"の会員区分", ": member category"};
inline constexpr bitext free_code{"会員区分のコード（会員区分表なし）",
                                  "category code (no catalogue loaded)"};
inline constexpr bitext optional_hint{"任意、空行で省略", "optional, empty line to skip"};
inline constexpr bitext the_plan{"── 案内 ──", "── The plan ──"};
inline constexpr bitext missing_code{"先にコードが必要です", "a code is needed first"};

// ---- batch -----------------------------------------------------------------------------------
/// Memory ran out while answering a line: the lines before it are answered (written whole),
/// the run stops there (exit 2). The line's number follows.
inline constexpr bitext batch_out_of_memory{
    "メモリが不足したため中止しました。その前の行までは応答済みです。中止した行: ",
    "out of memory: stopped; the lines before it were answered. Stopped at line "};

} // namespace mamisguide::texts::cli
