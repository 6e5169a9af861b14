// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
using System;
using System.Runtime.InteropServices;
using System.Text;
#if NETCOREAPP3_0_OR_GREATER
using System.Reflection;
#endif

namespace Mamisguide
{
    /// <summary>mg_engine*: freed with mg_engine_free once, when no call is using it.</summary>
    public sealed class EngineHandle : SafeHandle
    {
        public EngineHandle() : base(IntPtr.Zero, true) { }

        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }

        protected override bool ReleaseHandle()
        {
            NativeMethods.mg_engine_free(handle);
            return true;
        }
    }

    /// <summary>
    /// The C ABI (capi/mamisguide.h), one DllImport per function. Strings cross as UTF-8 bytes
    /// marshalled here, size_t as UIntPtr. The library is "mamisguide": mamisguide.dll on Windows;
    /// on Mono, Mamisguide.dll.config maps it to libmamisguide.so.1; on .NET (Core) a resolver
    /// loads $MAMISGUIDE_LIBRARY when set, else libmamisguide.so.1 on Linux.
    /// </summary>
    internal static unsafe class NativeMethods
    {
        private const string Lib = "mamisguide";

#if NETCOREAPP3_0_OR_GREATER
        private static int registered;

        internal static void Register()
        {
            if (System.Threading.Interlocked.Exchange(ref registered, 1) == 0)
                NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, Resolve);
        }

        private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
        {
            if (name != Lib) return IntPtr.Zero;
            string named = Environment.GetEnvironmentVariable("MAMISGUIDE_LIBRARY");
            if (!string.IsNullOrEmpty(named)) return NativeLibrary.Load(named);
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
                return NativeLibrary.Load("libmamisguide.so.1", assembly, path);
            return IntPtr.Zero; // the default probing: mamisguide.dll, libmamisguide.dylib
        }
#else
        internal static void Register() { }
#endif

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr mg_version();
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_version_number();
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr mg_status_name(int status);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr mg_last_error();

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_engine_new(out EngineHandle engine);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void mg_engine_free(IntPtr engine);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_engine_load_directory(EngineHandle e, byte[] path);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_engine_load_directory_buffer(EngineHandle e, byte[] data, UIntPtr len);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_engine_load_categories(EngineHandle e, byte[] path);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_engine_load_categories_buffer(EngineHandle e, byte[] data, UIntPtr len);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_engine_set_encoding(EngineHandle e, int encoding);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern UIntPtr mg_engine_notice_count(EngineHandle e);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern IntPtr mg_engine_notice(EngineHandle e, UIntPtr index, int lang);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_engine_set_year_end(EngineHandle e, int firstMonth, int firstDay,
                                                          int lastMonth, int lastDay);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_plan_json(EngineHandle e, byte[] request, UIntPtr len, out IntPtr response);

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_guide_json(int lang, out IntPtr output);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_web_texts_json(int lang, out IntPtr output);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_guide_categories_json(EngineHandle e, byte[] leaf, byte[] memberMunicipal,
                                                            uint memberLevels, byte[] municipal, uint levels,
                                                            int lang, out IntPtr output);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_directory_dot(EngineHandle e, int lang, out IntPtr output);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_transitions_dot(int lang, out IntPtr output);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_parse_instant(byte[] text, out long output);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_directory_json(EngineHandle e, byte[] text, byte[] prefecture, byte[] code,
                                                     int lang, out IntPtr output);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_association_json(EngineHandle e, byte[] code, int lang, out IntPtr output);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_support_json(EngineHandle e, long unixSeconds, int lang, out IntPtr output);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl, EntryPoint = "mg_support_json")]
        internal static extern int mg_support_json_default(IntPtr noEngine, long unixSeconds, int lang,
                                                           out IntPtr output);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_holidays_json(int year, int lang, out IntPtr output);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_mypage_step_json(int mypage, int lang, out IntPtr output);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int mg_last_load_error_json(int lang, out IntPtr output);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void mg_free(IntPtr p);

        // ---- bytes in, bytes out ----------------------------------------------------------------

        /// <summary>A NUL-terminated UTF-8 copy of s; null for null (a NUL inside s is refused).</summary>
        internal static byte[] CStr(string s, string parameter)
        {
            if (s == null) return null;
            if (s.IndexOf('\0') >= 0) throw new ArgumentException("a NUL character", parameter);
            byte[] bytes = new byte[Encoding.UTF8.GetByteCount(s) + 1];
            Encoding.UTF8.GetBytes(s, 0, s.Length, bytes, 0);
            return bytes;
        }

        private static int Length(IntPtr p)
        {
            byte* s = (byte*)p;
            int n = 0;
            while (s[n] != 0) ++n;
            return n;
        }

        /// <summary>A C string of the library's (not freed here) as a string; null for NULL.</summary>
        internal static string String(IntPtr p)
        {
            return p == IntPtr.Zero ? null : Encoding.UTF8.GetString((byte*)p, Length(p));
        }

        /// <summary>
        /// The bytes of a char* output, then mg_free: when the status is MG_OK or a refusal's code
        /// with an answer written; else the exception the status says (mg_last_error()).
        /// </summary>
        internal static byte[] Answer(int status, IntPtr output)
        {
            if (status < 0 || output == IntPtr.Zero)
            {
                MamisguideException error = MamisguideException.FromStatus(status);
                mg_free(output);
                throw error;
            }
            try
            {
                byte[] bytes = new byte[Length(output)];
                Marshal.Copy(output, bytes, 0, bytes.Length);
                return bytes;
            }
            finally
            {
                mg_free(output);
            }
        }

        internal static string Text(int status, IntPtr output)
        {
            return Encoding.UTF8.GetString(Answer(status, output));
        }

        /// <summary>Throws unless the status is MG_OK.</summary>
        internal static void Check(int status)
        {
            if (status != 0) throw MamisguideException.FromStatus(status);
        }
    }
}
