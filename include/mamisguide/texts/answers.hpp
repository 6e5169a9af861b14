// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — words of issue 17 ("answers that help a person"): refusals that name what is
// wrong, the guide's re-asking, the sample-master note, the desk at the end of a plan, the
// pictures' labels.
//
// Templates hold placeholders that refusal_text.hpp fills in:
//   {associations}  the associations at fault, "大阪府医師会（27）" / "Osaka Medical Association
//   (27)" {levels}        the levels at fault, "都道府県医師会・日本医師会" / "prefectural,
//   national" {value}         the value at fault (a code, a category, a field's name) {field} the
//   request field at fault ("request.colour") {line} {column} where JSON that does not parse went
//   wrong
#pragma once

#include "../text.hpp"

namespace mamisguide::texts {

// ---- refusals that name what is wrong ----------------------------------------------------------
inline constexpr bitext why_category_required{"{associations}の会員区分を選択してください。",
                                              "Choose a member category for {associations}."};
inline constexpr bitext why_unknown_category{
    "会員区分「{value}」は、{associations}の会員区分にありません。",
    "Category \"{value}\" is not in the catalogue of {associations}."};
inline constexpr bitext why_category_unchanged{
    "{associations}の新しい会員区分「{value}」が、現在の会員区分と同じです。",
    "The new category \"{value}\" of {associations} is the same as the current one."};
inline constexpr bitext why_unknown_association{
    "医師会コード「{value}」は登録されていません。",
    "The association code \"{value}\" is not in the directory."};
inline constexpr bitext why_level_not_held{"加入していない医師会が指定されています：{levels}。",
                                           "The member does not hold: {levels}."};
inline constexpr bitext why_level_already_held{
    "すでに加入している医師会が指定されています：{levels}。",
    "The member already holds: {levels}."};
inline constexpr bitext why_state_not_chain{
    "会員の加入状況（{levels}）が正しくありません。都道府県医師会には郡市区医師会、日本医師会には"
    "都道府県医師会への加入が必要です。",
    "The member's levels ({levels}) are not a legal chain: prefectural membership needs "
    "municipal membership, and JMA membership needs prefectural membership."};
inline constexpr bitext why_state_municipal_without_levels{
    "医師会に加入していない会員に郡市区医師会「{value}」が指定されています（member.levels "
    "が空です）。",
    "A municipal association (\"{value}\") was given for a member who holds no level "
    "(member.levels is empty)."};
inline constexpr bitext why_state_prefectural_not_held{
    "都道府県医師会に加入していない会員に都道府県医師会「{value}」が指定されています（member."
    "levels "
    "に prefectural がありません）。",
    "A prefectural association (\"{value}\") was given for a member who does not hold the "
    "prefectural level (member.levels has no prefectural)."};
inline constexpr bitext why_state_category_not_held{
    "加入していない医師会（{levels}）の会員区分が指定されています。",
    "A category was given for a level the member does not hold ({levels})."};
inline constexpr bitext why_state_prefectural_mismatch{
    "都道府県医師会「{value}」は、加入中の郡市区医師会が所属する{associations}と一致しません。",
    "The prefectural association \"{value}\" is not {associations}, the one the member's "
    "municipal association belongs to."};
inline constexpr bitext why_unknown_field{"不明な項目「{field}」があります。",
                                          "Unknown field \"{field}\"."};
inline constexpr bitext why_json_syntax{
    "JSON として正しくありません（{line} 行 {column} 文字目）。",
    "The request is not valid JSON (line {line}, column "
    "{column})."};
inline constexpr bitext why_json_utf8{
    "UTF-8 として正しくないバイト列があります（{line} 行 {column} 文字目）。",
    "The request is not valid UTF-8 (line {line}, column {column})."};
inline constexpr bitext why_field_suffix{"（{field}）", " ({field})"};

/// Words left out when a category's code or label is compared with an answer (category_key()
/// in answers.hpp): the word 会員 ("member") and full-width brackets.
inline constexpr const char* category_noise[] = {"会員", "（", "）"};
/// The separators a person may type between items of a list, besides a comma.
inline constexpr const char* answer_separators[] = {"、", "，"};

/// Separators for lists of names in messages.
inline constexpr bitext list_separator{"、", ", "};
inline constexpr bitext level_separator{"・", ", "};

// ---- the command line's answers ----------------------------------------------------------------
inline constexpr bitext note_mark{"※ ", "NOTE: "};
inline constexpr bitext graph_needs_dot{
    "--format {value} には Graphviz の dot が必要ですが、PATH にありません。Graphviz をインストール"
    "する（MAMISGUIDE_PICTURES=1 scripts/setup.sh）か、--format dot を使ってください。",
    "--format {value} needs Graphviz's 'dot', which is not on PATH: install Graphviz "
    "(MAMISGUIDE_PICTURES=1 scripts/setup.sh), or use --format dot"};
inline constexpr bitext graph_bad_prefecture{
    "--prefecture: 都道府県コード（1〜47、例: "
    "13）または都道府県名を指定してください（「{value}」）。",
    "--prefecture: expected a prefecture: its code 1-47 (e.g. 13) or its name, not '{value}'"};
inline constexpr bitext graph_prefecture_not_used{
    "--prefecture は --what directory でのみ指定できます。",
    "--prefecture applies to --what directory"};
inline constexpr bitext refusal_allowed{"選択できる会員区分", "Categories accepted"};
inline constexpr bitext refusal_candidates{"もしかして", "Did you mean"};
inline constexpr bitext sample_note{
    "同梱のサンプル医師会マスター（架空のコード）を使用しています。実際の申請には --directory "
    "または環境変数 MAMISGUIDE_DIRECTORY で自分の医師会マスターを指定してください。",
    "This plan uses the bundled sample master, whose codes are made up: name your own master "
    "with --directory or MAMISGUIDE_DIRECTORY for a real application."};
inline constexpr bitext sample_warning{
    "医師会マスターが指定されていないため、同梱のサンプル（架空のコード）を使用します。"
    "--directory または MAMISGUIDE_DIRECTORY で指定してください。",
    "no master given: using the bundled sample master, whose codes are made up (name yours with "
    "--directory or MAMISGUIDE_DIRECTORY)"};
/// The end of every plan printed for a person (the labels and states are texts/desk.hpp's).
inline constexpr bitext desk_footer_heading{"困ったときの問い合わせ先", "If you need help"};
inline constexpr bitext desk_footer_now{"現在", "Now"};
inline constexpr bitext desk_next_open{"次の受付開始", "opens next"};

// ---- the guide: wrong answers ------------------------------------------------------------------
inline constexpr bitext guide_not_an_answer{
    "「{value}」は選択肢にありません。番号、値、または選択肢の文言で答えてください。",
    "\"{value}\" is not one of the answers: answer with a number, a value or an answer's "
    "words."};
inline constexpr bitext guide_empty_answer{"回答が空です。", "The answer is empty."};
inline constexpr bitext guide_no_association{
    "「{value}」に一致する医師会がありません。医師会コード、または名称の一部を入力してください。",
    "No association matches \"{value}\": enter an association code or part of its name."};
inline constexpr bitext guide_many_associations{
    "「{value}」に一致する医師会が複数あります。次のいずれかのコードを入力してください：",
    "Several associations match \"{value}\": enter one of these codes:"};
inline constexpr bitext guide_more_matches{"…ほか {value} 件", "… and {value} more"};
inline constexpr bitext guide_not_municipal{
    "「{value}」は郡市区医師会ではありません（{associations}）。郡市区医師会を入力してください。",
    "\"{value}\" is not a municipal association ({associations}): enter a municipal one."};
inline constexpr bitext guide_unknown_category{
    "「{value}」は{associations}の会員区分にありません。選択できる会員区分：",
    "\"{value}\" is not a category of {associations}. Accepted:"};
inline constexpr bitext guide_asked_again{"もう一度お答えください。", "Please answer again."};
inline constexpr bitext guide_end_of_input{"入力が終わったため、案内を中断しました。",
                                           "The input ended before the guide was finished."};

// ---- usage errors from the argument parser (after CLI11's own English message) ---------------
inline constexpr bitext usage_required{"必須のオプションまたはサブコマンドが指定されていません。",
                                       "A required option or subcommand is missing."};
inline constexpr bitext usage_extras{"不明な引数があります。", "There are unknown arguments."};
inline constexpr bitext usage_invalid_value{"オプションの値が正しくありません。",
                                            "An option's value is not valid."};
inline constexpr bitext usage_argument_count{"オプションの値の数が正しくありません。",
                                             "An option has the wrong number of values."};
inline constexpr bitext usage_excludes{"同時に指定できないオプションがあります。",
                                       "Options that exclude each other were given."};
inline constexpr bitext usage_other{"コマンドの指定が正しくありません。",
                                    "The command line is not valid."};
inline constexpr bitext usage_help{
    "使い方は mamisguide --help、各コマンドは mamisguide コマンド名 --help で確認できます。",
    "See mamisguide --help, and mamisguide COMMAND --help for a command."};

// ---- the state machine's picture ---------------------------------------------------------------
inline constexpr bitext graph_directory_title{"医師会の階層", "Medical associations"};
inline constexpr bitext graph_op_join{"新規入会", "join"};
inline constexpr bitext graph_op_additional_join{"追加入会", "additional join"};
inline constexpr bitext graph_op_change_category{"会員区分の変更", "change category"};
inline constexpr bitext graph_op_change_facility{"施設変更（異動なし）", "change facility"};
inline constexpr bitext graph_op_transfer{"施設変更（医師会異動）", "transfer"};
inline constexpr bitext graph_op_withdraw{"退会", "withdraw"};
inline constexpr bitext graph_level_municipal{"郡市", "municipal"};
inline constexpr bitext graph_level_prefectural{"都道府県", "prefectural"};
inline constexpr bitext graph_level_national{"日医", "JMA"};

} // namespace mamisguide::texts
