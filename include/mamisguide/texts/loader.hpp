// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide — the words of the master and catalogue loaders (detail/csv.hpp, master.hpp,
// categories.hpp, the JSON master): refusals, notices, and the column names a header may use.
#pragma once

#include "../text.hpp"

#include <string_view>

namespace mamisguide::texts {

// ---- refusals (load_error_kind) -------------------------------------------------------------
inline constexpr bitext load_unreadable{"ファイルを読み込めません", "the file cannot be read"};
inline constexpr bitext load_too_large{"ファイルが大きすぎます", "the file is too large"};
inline constexpr bitext load_invalid_utf8{"UTF-8 として正しくないバイト列があります",
                                          "invalid UTF-8"};
inline constexpr bitext load_csv_syntax{"CSV の書式が正しくありません", "malformed CSV"};
inline constexpr bitext load_missing_header{"見出し行がありません", "the header row is missing"};
inline constexpr bitext load_bad_header{"見出し行が正しくありません（同じ列が二度あります）",
                                        "wrong header row (a column appears twice)"};
inline constexpr bitext load_column_count{"列の数が見出し行と一致しません",
                                          "wrong number of columns"};
inline constexpr bitext load_empty_field{"必須の項目が空です", "a required field is empty"};
inline constexpr bitext load_invalid_field{"使用できない文字を含むか、長すぎる項目があります",
                                           "a field holds a forbidden character or is too long"};
inline constexpr bitext load_unknown_prefecture{"都道府県が存在しません（都道府県コード 1〜47 "
                                                "または都道府県名を指定してください）",
                                                "unknown prefecture (give its JIS code 1-47 or "
                                                "its name)"};
inline constexpr bitext load_wrong_level{"上位の医師会の階層が正しくありません",
                                         "the parent is not one level up"};
inline constexpr bitext load_duplicate_code{"コードが重複しています", "duplicate code"};
inline constexpr bitext load_unknown_association{"医師会コードが存在しません",
                                                 "unknown association code"};
inline constexpr bitext load_catalogue_exists{"この医師会の会員区分はすでに読み込まれています",
                                              "a catalogue is already loaded for this association"};
inline constexpr bitext load_builtin_catalogue{
    "日本医師会の会員区分は組み込みのため変更できません",
    "JMA's catalogue is built in and cannot be replaced"};
inline constexpr bitext load_json_syntax{"JSON の書式が正しくありません", "malformed JSON"};
inline constexpr bitext load_bad_entry{
    "JSON の構成が正しくありません（code, name, prefecture と任意の name_en "
    "を文字列で持つオブジェクトの配列が必要です）",
    "wrong JSON shape: expected an array of objects with the string fields code, name, "
    "prefecture and, optionally, name_en"};
inline constexpr bitext load_missing_column{"必要な列がありません", "a required column is missing"};
inline constexpr bitext load_invalid_cp932{"CP932（Shift_JIS）として正しくないバイト列があります",
                                           "invalid CP932 (Shift_JIS)"};
inline constexpr bitext load_invalid_encoding{
    "UTF-8 としても CP932（Shift_JIS）としても読めないバイト列があります",
    "bytes that are neither UTF-8 nor CP932 (Shift_JIS)"};
inline constexpr bitext load_not_text{
    "CSV または JSON のテキストファイルではありません（画像、PDF、Excel ブックなど）。"
    "Excel では「CSV」形式で保存してから読み込んでください",
    "not a CSV or JSON text file (a picture, a PDF, an Excel workbook…): in Excel, save it as "
    "CSV first"};

// ---- notices (the load succeeded; the loader says what it did) ---------------------------------
inline constexpr bitext notice_read_as_cp932{
    "UTF-8 ではないため CP932（Shift_JIS）として読み込みました",
    "not UTF-8: read as CP932 (Shift_JIS)"};
inline constexpr bitext notice_columns_ignored{"使用しない列を無視しました",
                                               "columns not used were ignored"};

// ---- the column names a header may use (trimmed, compared case-insensitively) ------------------
// Masters: code, name, prefecture (required) and name_en.
inline constexpr std::string_view column_master_code[] = {"code", "コード", "医師会コード"};
inline constexpr std::string_view column_master_name[] = {"name", "名称", "医師会名"};
inline constexpr std::string_view column_master_prefecture[] = {"prefecture", "都道府県",
                                                                "都道府県コード"};
inline constexpr std::string_view column_master_name_en[] = {"name_en", "英語名", "英文名称"};
// Catalogues: association, code, label (all required).
inline constexpr std::string_view column_catalogue_association[] = {"association", "医師会コード"};
inline constexpr std::string_view column_catalogue_code[] = {"code", "区分コード",
                                                             "会員区分コード"};
inline constexpr std::string_view column_catalogue_label[] = {"label", "区分名", "会員区分"};

} // namespace mamisguide::texts
