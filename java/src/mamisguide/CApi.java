// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
package mamisguide;

import com.sun.jna.IntegerType;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;

/**
 * The C ABI (capi/mamisguide.h) through JNA's direct mapping: one native method per C function.
 * Strings cross as UTF-8 bytes marshalled here (never JNA's String conversion, whose encoding is
 * the platform's), {@code size_t} as {@link SizeT}.
 */
final class CApi {
    private CApi() {}

    /** {@code size_t}: {@link Native#SIZE_T_SIZE} bytes (JNA's NativeLong is 32-bit on 64-bit Windows). */
    public static final class SizeT extends IntegerType {
        private static final long serialVersionUID = 1L;

        public SizeT() {
            this(0);
        }

        public SizeT(long value) {
            super(Native.SIZE_T_SIZE, value, true);
        }
    }

    /** {@code mg_engine*}. */
    public static final class EngineHandle extends PointerType {
        public EngineHandle() {}

        public EngineHandle(Pointer p) {
            super(p);
        }
    }

    /**
     * The library: the system property {@code mamisguide.library} or the environment variable
     * {@code MAMISGUIDE_LIBRARY} when set (a path or a name), else libmamisguide.so.1 on Linux
     * (the ABI's major version, as the runtime package installs it), mamisguide.dll on Windows,
     * libmamisguide.dylib on macOS, through the platform's loader and jna.library.path.
     */
    static String libraryName() {
        String named = System.getProperty("mamisguide.library");
        if (named == null || named.isEmpty()) named = System.getenv("MAMISGUIDE_LIBRARY");
        if (named != null && !named.isEmpty()) return named;
        if (Platform.isWindows() || Platform.isMac()) return "mamisguide";
        return "libmamisguide.so.1";
    }

    static {
        Native.register(CApi.class, NativeLibrary.getInstance(libraryName()));
    }

    static native Pointer mg_version();

    static native int mg_version_number();

    static native Pointer mg_status_name(int status);

    static native Pointer mg_last_error();

    static native int mg_engine_new(PointerByReference out);

    static native void mg_engine_free(Pointer e);

    static native int mg_engine_load_directory(EngineHandle e, byte[] path);

    static native int mg_engine_load_directory_buffer(EngineHandle e, byte[] data, SizeT len);

    static native int mg_engine_load_categories(EngineHandle e, byte[] path);

    static native int mg_engine_load_categories_buffer(EngineHandle e, byte[] data, SizeT len);

    static native int mg_engine_set_encoding(EngineHandle e, int encoding);

    static native SizeT mg_engine_notice_count(EngineHandle e);

    static native Pointer mg_engine_notice(EngineHandle e, SizeT index, int lang);

    static native int mg_engine_set_year_end(EngineHandle e, int firstMonth, int firstDay, int lastMonth,
            int lastDay);

    static native int mg_plan_json(EngineHandle e, byte[] request, SizeT len, PointerByReference response);

    static native int mg_guide_json(int lang, PointerByReference out);

    static native int mg_web_texts_json(int lang, PointerByReference out);

    static native int mg_guide_categories_json(EngineHandle e, byte[] leaf, byte[] memberMunicipal,
            int memberLevels, byte[] municipal, int levels, int lang, PointerByReference out);

    static native int mg_directory_dot(EngineHandle e, int lang, PointerByReference out);

    static native int mg_transitions_dot(int lang, PointerByReference out);

    static native int mg_parse_instant(byte[] text, LongByReference out);

    static native int mg_directory_json(EngineHandle e, byte[] text, byte[] prefecture, byte[] code, int lang,
            PointerByReference out);

    static native int mg_association_json(EngineHandle e, byte[] code, int lang, PointerByReference out);

    static native int mg_support_json(EngineHandle e, long unixSeconds, int lang, PointerByReference out);

    static native int mg_holidays_json(int year, int lang, PointerByReference out);

    static native int mg_mypage_step_json(int mypage, int lang, PointerByReference out);

    static native int mg_last_load_error_json(int lang, PointerByReference out);

    static native void mg_free(Pointer p);

    // ---- bytes in, bytes out --------------------------------------------------------------------

    /** A NUL-terminated UTF-8 copy of s, or null for null (a NUL inside s is refused). */
    static byte[] cstr(String s) {
        if (s == null) return null;
        if (s.indexOf('\0') >= 0) throw new IllegalArgumentException("a string argument holds a NUL character");
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, out, 0, utf8.length);
        return out;
    }

    /** A C string of the library's (never freed here) as a Java String; null for NULL. */
    static String string(Pointer p) {
        return p == null ? null : p.getString(0, "UTF-8");
    }

    /** The bytes of a char* the library allocated, then mg_free: exactly its bytes, up to the NUL. */
    static byte[] take(Pointer p) {
        try {
            long n = p.indexOf(0, (byte) 0);
            return p.getByteArray(0, Math.toIntExact(n));
        } finally {
            mg_free(p);
        }
    }

    /**
     * The answer of a function with a {@code char**} output: its bytes when the status is MG_OK or
     * a refusal's code with a response written (the library's refusal JSON), else an exception
     * carrying the status, its name and mg_last_error().
     */
    static byte[] answer(int status, PointerByReference out) {
        Pointer p = out.getValue();
        if (status < 0 || p == null) {
            MamisguideException e = MamisguideException.fromStatus(status);
            if (p != null) mg_free(p);
            throw e;
        }
        return take(p);
    }

    static String text(int status, PointerByReference out) {
        return new String(answer(status, out), StandardCharsets.UTF_8);
    }

    /** Throws unless status is MG_OK. */
    static void check(int status) {
        if (status != 0) throw MamisguideException.fromStatus(status);
    }
}
