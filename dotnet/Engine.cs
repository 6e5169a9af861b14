// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
using System;
using System.Text;
using System.Threading;

namespace Mamisguide
{
    /// <summary>
    /// A failure reported by libmamisguide: Status is the C status (MG_ERR_*, negative, or a
    /// refusal's code 1-14 where a function refuses without a JSON answer), Code its name as
    /// mg_status_name() spells it ("io_error", "load_error", ...), Message mg_last_error().
    /// A refusal of a plan is not an exception: PlanJson answers it.
    /// </summary>
    public class MamisguideException : Exception
    {
        public int Status { get; private set; }
        public string Code { get; private set; }

        public MamisguideException(int status, string code, string message) : base(message)
        {
            Status = status;
            Code = code;
        }

        /// <summary>The status of the call that failed, with mg_last_error() of this thread.</summary>
        internal static MamisguideException FromStatus(int status)
        {
            return new MamisguideException(status, NativeMethods.String(NativeMethods.mg_status_name(status)),
                                           NativeMethods.String(NativeMethods.mg_last_error()));
        }

        public override string ToString()
        {
            return Code + ": " + Message;
        }
    }

    /// <summary>
    /// An engine (mg_engine): JMA and the 47 prefectural associations, plus the municipal
    /// associations and catalogues loaded into it. Every answer is the library's own bytes.
    /// Share one engine between threads freely: planning runs in parallel; loading and Dispose
    /// wait for the calls in progress. A disposed engine throws MamisguideException
    /// ("argument_error"), never crashes.
    /// </summary>
    public sealed class Engine : IDisposable
    {
        private readonly EngineHandle handle;
        private readonly ReaderWriterLockSlim rw = new ReaderWriterLockSlim();

        static Engine() { NativeMethods.Register(); }

        /// <summary>An engine with the built-in directory (mg_engine_new).</summary>
        public Engine()
        {
            NativeMethods.Check(NativeMethods.mg_engine_new(out handle));
        }

        /// <summary>An engine with a municipal master loaded from a file.</summary>
        public Engine(string masterPath) : this()
        {
            try
            {
                LoadDirectory(masterPath);
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        /// <summary>Frees the native engine. Idempotent.</summary>
        public void Dispose()
        {
            rw.EnterWriteLock();
            try
            {
                handle.Dispose();
            }
            finally
            {
                rw.ExitWriteLock();
            }
        }

        public bool IsClosed { get { return handle.IsClosed; } }

        private EngineHandle Open()
        {
            if (handle.IsClosed)
                throw new MamisguideException(Library.ErrArgument, Library.StatusName(Library.ErrArgument),
                                              "the engine is closed");
            return handle;
        }

        private T Read<T>(Func<EngineHandle, T> call)
        {
            rw.EnterReadLock();
            try { return call(Open()); }
            finally { rw.ExitReadLock(); }
        }

        private Engine Write(Func<EngineHandle, int> call)
        {
            rw.EnterWriteLock();
            try { NativeMethods.Check(call(Open())); }
            finally { rw.ExitWriteLock(); }
            return this;
        }

        private static byte[] NotNull(byte[] data, string parameter)
        {
            if (data == null) throw new ArgumentNullException(parameter);
            return data;
        }

        // ---- loading (all or nothing: on failure the engine is unchanged) ------------------------

        /// <summary>mg_engine_load_directory: a municipal master file, CSV or JSON, UTF-8 or CP932.</summary>
        public Engine LoadDirectory(string path)
        {
            byte[] p = NativeMethods.CStr(path, "path");
            return Write(e => NativeMethods.mg_engine_load_directory(e, p));
        }

        /// <summary>mg_engine_load_directory_buffer: a master's bytes.</summary>
        public Engine LoadDirectory(byte[] data)
        {
            NotNull(data, "data");
            return Write(e => NativeMethods.mg_engine_load_directory_buffer(e, data, (UIntPtr)data.Length));
        }

        /// <summary>mg_engine_load_categories: category catalogues (association,code,label).</summary>
        public Engine LoadCategories(string path)
        {
            byte[] p = NativeMethods.CStr(path, "path");
            return Write(e => NativeMethods.mg_engine_load_categories(e, p));
        }

        /// <summary>mg_engine_load_categories_buffer: a catalogue's bytes.</summary>
        public Engine LoadCategories(byte[] data)
        {
            NotNull(data, "data");
            return Write(e => NativeMethods.mg_engine_load_categories_buffer(e, data, (UIntPtr)data.Length));
        }

        /// <summary>mg_engine_set_encoding: Library.Encoding* for the loads that follow.</summary>
        public Engine SetEncoding(int encoding)
        {
            return Write(e => NativeMethods.mg_engine_set_encoding(e, encoding));
        }

        /// <summary>mg_engine_set_year_end: the support desk's year-end break (default 12/29-1/3).</summary>
        public Engine SetYearEnd(int firstMonth, int firstDay, int lastMonth, int lastDay)
        {
            return Write(e => NativeMethods.mg_engine_set_year_end(e, firstMonth, firstDay, lastMonth, lastDay));
        }

        /// <summary>The notices of the last load (mg_engine_notice), e.g. that a file was read as CP932.</summary>
        public string[] Notices(int lang = Library.LangJa)
        {
            string[] notices = null;
            Write(e => { // mg_engine_notice reuses one buffer of the engine's
                notices = new string[checked((int)(ulong)NativeMethods.mg_engine_notice_count(e))];
                for (int i = 0; i < notices.Length; ++i)
                    notices[i] = NativeMethods.String(NativeMethods.mg_engine_notice(e, (UIntPtr)i, lang));
                return 0;
            });
            return notices;
        }

        // ---- planning -----------------------------------------------------------------------------

        /// <summary>
        /// mg_plan_json: a request of the JSON contract in, exactly the library's response out (a
        /// plan or a refusal), whatever the bytes were. Throws only when no response could be given.
        /// </summary>
        public byte[] PlanJson(byte[] request)
        {
            NotNull(request, "request");
            return Read(e => {
                IntPtr output;
                int status = NativeMethods.mg_plan_json(e, request, (UIntPtr)request.Length, out output);
                return NativeMethods.Answer(status, output);
            });
        }

        /// <summary>PlanJson on the request's UTF-8 bytes, the response decoded from UTF-8.</summary>
        public string PlanJson(string request)
        {
            if (request == null) throw new ArgumentNullException("request");
            return Encoding.UTF8.GetString(PlanJson(Encoding.UTF8.GetBytes(request)));
        }

        // ---- every other answer, as the library writes it -----------------------------------------

        /// <summary>mg_directory_json: associations matching a search (each argument null for any).</summary>
        public string DirectoryJson(string text, string prefecture, string code, int lang = Library.LangJa)
        {
            byte[] t = NativeMethods.CStr(text, "text"), p = NativeMethods.CStr(prefecture, "prefecture"),
                   c = NativeMethods.CStr(code, "code");
            return Read(e => {
                IntPtr output;
                return NativeMethods.Text(NativeMethods.mg_directory_json(e, t, p, c, lang, out output), output);
            });
        }

        /// <summary>mg_association_json: one association by code (unknown_association when none has it).</summary>
        public string AssociationJson(string code, int lang = Library.LangJa)
        {
            byte[] c = NativeMethods.CStr(code, "code");
            return Read(e => {
                IntPtr output;
                return NativeMethods.Text(NativeMethods.mg_association_json(e, c, lang, out output), output);
            });
        }

        /// <summary>mg_guide_categories_json: the category questions of a guide leaf ("join.national", ...).</summary>
        public string GuideCategoriesJson(string leaf, string memberMunicipal, uint memberLevels, string municipal,
                                          uint levels, int lang = Library.LangJa)
        {
            byte[] l = NativeMethods.CStr(leaf, "leaf"), mm = NativeMethods.CStr(memberMunicipal, "memberMunicipal"),
                   m = NativeMethods.CStr(municipal, "municipal");
            return Read(e => {
                IntPtr output;
                int status = NativeMethods.mg_guide_categories_json(e, l, mm, memberLevels, m, levels, lang, out output);
                return NativeMethods.Text(status, output);
            });
        }

        /// <summary>mg_support_json: the desk at a Unix time, with this engine's year-end break.</summary>
        public string SupportJson(long unixSeconds, int lang = Library.LangJa)
        {
            return Read(e => {
                IntPtr output;
                return NativeMethods.Text(NativeMethods.mg_support_json(e, unixSeconds, lang, out output), output);
            });
        }

        /// <summary>mg_directory_dot: the association hierarchy as Graphviz DOT.</summary>
        public string DirectoryDot(int lang = Library.LangJa)
        {
            return Read(e => {
                IntPtr output;
                return NativeMethods.Text(NativeMethods.mg_directory_dot(e, lang, out output), output);
            });
        }
    }
}
