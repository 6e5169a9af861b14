// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
package mamisguide;

import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The library's answers that need no engine, and the constants of capi/mamisguide.h that the
 * methods take (the test bindings_java checks them against the header).
 */
public final class Mamisguide {
    private Mamisguide() {}

    public static final int OK = 0;
    public static final int ERR_ARGUMENT = -1;
    public static final int ERR_IO = -2;
    public static final int ERR_LOAD = -3;
    public static final int ERR_NOMEM = -4;
    public static final int ERR_RANGE = -5;
    public static final int ERR_PARSE = -6;
    public static final int ERR_BUFFER = -7;
    public static final int ERR_INTERNAL = -8;
    public static final int ERR_VERSION = -9;

    public static final int LANG_JA = 0;
    public static final int LANG_EN = 1;

    public static final int LEVEL_MUNICIPAL = 1;
    public static final int LEVEL_PREFECTURAL = 2;
    public static final int LEVEL_NATIONAL = 4;
    public static final int LEVELS_ALL = 7;

    public static final int MYPAGE_YES = 0;
    public static final int MYPAGE_NO = 1;
    public static final int MYPAGE_UNKNOWN = 2;

    public static final int ENCODING_AUTO = 0;
    public static final int ENCODING_UTF8 = 1;
    public static final int ENCODING_CP932 = 2;

    /** mg_version(): the library's version, "1.0.0". */
    public static String version() {
        return CApi.string(CApi.mg_version());
    }

    /** mg_version_number(): major * 1000000 + minor * 1000 + patch. */
    public static int versionNumber() {
        return CApi.mg_version_number();
    }

    /** mg_status_name(): "ok", "illegal_levels", "io_error", ... */
    public static String statusName(int status) {
        return CApi.string(CApi.mg_status_name(status));
    }

    /** mg_guide_json(): the guide as data. */
    public static String guideJson(int lang) {
        PointerByReference out = new PointerByReference();
        return CApi.text(CApi.mg_guide_json(lang, out), out);
    }

    /** mg_web_texts_json(): the web guide's own words. */
    public static String webTextsJson(int lang) {
        PointerByReference out = new PointerByReference();
        return CApi.text(CApi.mg_web_texts_json(lang, out), out);
    }

    /** mg_transitions_dot(): the membership state machine as Graphviz DOT. */
    public static String transitionsDot(int lang) {
        PointerByReference out = new PointerByReference();
        return CApi.text(CApi.mg_transitions_dot(lang, out), out);
    }

    /** mg_support_json() with the default desk (no engine). */
    public static String supportJson(long unixSeconds, int lang) {
        PointerByReference out = new PointerByReference();
        return CApi.text(CApi.mg_support_json(null, unixSeconds, lang, out), out);
    }

    /** mg_holidays_json(): a year's national holidays (2000-2099). */
    public static String holidaysJson(int year, int lang) {
        PointerByReference out = new PointerByReference();
        return CApi.text(CApi.mg_holidays_json(year, lang, out), out);
    }

    /** mg_mypage_step_json(): STEP 1 for a MyPage answer (MYPAGE_*). */
    public static String mypageStepJson(int mypage, int lang) {
        PointerByReference out = new PointerByReference();
        return CApi.text(CApi.mg_mypage_step_json(mypage, lang, out), out);
    }

    /** mg_last_load_error_json(): the refusal of this thread's last failed load. */
    public static String lastLoadErrorJson(int lang) {
        PointerByReference out = new PointerByReference();
        return CApi.text(CApi.mg_last_load_error_json(lang, out), out);
    }

    /** mg_parse_instant(): "2026-12-30T11:00:00+09:00" (any offset, or Z) as Unix seconds. */
    public static long parseInstant(String text) {
        LongByReference out = new LongByReference();
        CApi.check(CApi.mg_parse_instant(CApi.cstr(text), out));
        return out.getValue();
    }
}
