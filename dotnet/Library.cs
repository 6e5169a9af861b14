// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
using System;

namespace Mamisguide
{
    /// <summary>
    /// The library's answers that need no engine, and the constants of capi/mamisguide.h that the
    /// methods take (the test bindings_dotnet checks them against the header).
    /// </summary>
    public static class Library
    {
        public const int Ok = 0;
        public const int ErrArgument = -1;
        public const int ErrIo = -2;
        public const int ErrLoad = -3;
        public const int ErrNomem = -4;
        public const int ErrRange = -5;
        public const int ErrParse = -6;
        public const int ErrBuffer = -7;
        public const int ErrInternal = -8;
        public const int ErrVersion = -9;

        public const int LangJa = 0;
        public const int LangEn = 1;

        public const uint LevelMunicipal = 1;
        public const uint LevelPrefectural = 2;
        public const uint LevelNational = 4;
        public const uint LevelsAll = 7;

        public const int MypageYes = 0;
        public const int MypageNo = 1;
        public const int MypageUnknown = 2;

        public const int EncodingAuto = 0;
        public const int EncodingUtf8 = 1;
        public const int EncodingCp932 = 2;

        static Library() { NativeMethods.Register(); }

        /// <summary>mg_version(): "1.0.0".</summary>
        public static string Version() { return NativeMethods.String(NativeMethods.mg_version()); }

        /// <summary>mg_version_number(): major * 1000000 + minor * 1000 + patch.</summary>
        public static int VersionNumber() { return NativeMethods.mg_version_number(); }

        /// <summary>mg_status_name(): "ok", "illegal_levels", "io_error", ...</summary>
        public static string StatusName(int status)
        {
            return NativeMethods.String(NativeMethods.mg_status_name(status));
        }

        /// <summary>mg_guide_json: the guide as data.</summary>
        public static string GuideJson(int lang = LangJa)
        {
            IntPtr output;
            return NativeMethods.Text(NativeMethods.mg_guide_json(lang, out output), output);
        }

        /// <summary>mg_web_texts_json: the web guide's own words.</summary>
        public static string WebTextsJson(int lang = LangJa)
        {
            IntPtr output;
            return NativeMethods.Text(NativeMethods.mg_web_texts_json(lang, out output), output);
        }

        /// <summary>mg_transitions_dot: the membership state machine as Graphviz DOT.</summary>
        public static string TransitionsDot(int lang = LangJa)
        {
            IntPtr output;
            return NativeMethods.Text(NativeMethods.mg_transitions_dot(lang, out output), output);
        }

        /// <summary>mg_support_json with the default desk, at a Unix time.</summary>
        public static string SupportJson(long unixSeconds, int lang = LangJa)
        {
            IntPtr output;
            int status = NativeMethods.mg_support_json_default(IntPtr.Zero, unixSeconds, lang, out output);
            return NativeMethods.Text(status, output);
        }

        /// <summary>mg_holidays_json: a year's national holidays (2000-2099).</summary>
        public static string HolidaysJson(int year, int lang = LangJa)
        {
            IntPtr output;
            return NativeMethods.Text(NativeMethods.mg_holidays_json(year, lang, out output), output);
        }

        /// <summary>mg_mypage_step_json: STEP 1 for a MyPage answer (Mypage*).</summary>
        public static string MypageStepJson(int mypage, int lang = LangJa)
        {
            IntPtr output;
            return NativeMethods.Text(NativeMethods.mg_mypage_step_json(mypage, lang, out output), output);
        }

        /// <summary>mg_last_load_error_json: the refusal of this thread's last failed load.</summary>
        public static string LastLoadErrorJson(int lang = LangJa)
        {
            IntPtr output;
            return NativeMethods.Text(NativeMethods.mg_last_load_error_json(lang, out output), output);
        }

        /// <summary>mg_parse_instant: "2026-12-30T11:00:00+09:00" (any offset, or Z) as Unix seconds.</summary>
        public static long ParseInstant(string text)
        {
            long seconds;
            NativeMethods.Check(NativeMethods.mg_parse_instant(NativeMethods.CStr(text, "text"), out seconds));
            return seconds;
        }
    }
}
