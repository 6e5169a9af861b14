// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The .NET binding's side of tests/bindings/run_bindings.py: the same calls as native_driver.c,
// the same frames out ("<length>\n<bytes>\n"; a failure "E<status> <name>\n" + a frame of
// mg_last_error()), and the binding's own error checks.
using System;
using System.IO;
using System.Reflection;
using System.Text;
using System.Threading;
using Mamisguide;

public static class BindingTest
{
    private static readonly Stream Out = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);

    private static void Write(string ascii)
    {
        byte[] b = Encoding.UTF8.GetBytes(ascii);
        Out.Write(b, 0, b.Length);
    }

    private static void Frame(byte[] data)
    {
        Write(data.Length + "\n");
        Out.Write(data, 0, data.Length);
        Out.WriteByte((byte)'\n');
    }

    /// <summary>One answer: its text ("ok" for a call with no answer), or the failure.</summary>
    private static void Answer(Func<object> call)
    {
        try
        {
            object r = call();
            Frame(r as byte[] ?? Encoding.UTF8.GetBytes(r == null ? "ok" : r.ToString()));
        }
        catch (MamisguideException e)
        {
            Write("E" + e.Status + " " + e.Code + "\n");
            Frame(Encoding.UTF8.GetBytes(e.Message));
        }
    }

    private static void Answer(Action call)
    {
        Answer(() => { call(); return null; });
    }

    private static Engine NewEngine(string master, string categories)
    {
        Engine e = new Engine(master);
        if (categories != "-") e.LoadCategories(categories);
        return e;
    }

    private static void Compare(string[] args)
    {
        for (int i = 1; i + 2 < args.Length; i += 3)
        {
            using (Engine e = NewEngine(args[i], args[i + 1]))
            {
                byte[] input = File.ReadAllBytes(args[i + 2]);
                int at = 0;
                while (at < input.Length)
                {
                    int nl = Array.IndexOf(input, (byte)'\n', at);
                    int n = int.Parse(Encoding.ASCII.GetString(input, at, nl - at));
                    byte[] request = new byte[n];
                    Buffer.BlockCopy(input, nl + 1, request, 0, n);
                    at = nl + 1 + n + 1;
                    Answer(() => e.PlanJson(request));
                    if (i == 1) StringForm(e, request); // the corpus: the string form too
                }
            }
        }
    }

    /// <summary>PlanJson(string) of a request that is valid UTF-8 is PlanJson(byte[]) decoded.</summary>
    private static void StringForm(Engine e, byte[] request)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(request);
        }
        catch (ArgumentException)
        {
            return; // not UTF-8
        }
        if (e.PlanJson(text) != Encoding.UTF8.GetString(e.PlanJson(request)))
        {
            Console.Error.WriteLine("BindingTest: PlanJson(string) differs from PlanJson(byte[]) for "
                                    + text.Substring(0, Math.Min(200, text.Length)));
            Environment.Exit(1);
        }
    }

    private static void Answers(string master, string categories, string bad, string missing, string cp932)
    {
        using (Engine e = NewEngine(master, categories))
        {
            for (int lang = Library.LangJa; lang <= Library.LangEn; ++lang)
            {
                int l = lang;
                Answer(() => Library.GuideJson(l));
                Answer(() => Library.WebTextsJson(l));
                Answer(() => Library.TransitionsDot(l));
                Answer(() => e.DirectoryDot(l));
                Answer(() => e.DirectoryJson(null, "13", null, l));
                Answer(() => e.DirectoryJson("chiyoda", null, null, l));
                Answer(() => e.AssociationJson("13-chiyoda", l));
                Answer(() => e.GuideCategoriesJson("change.transfer", "13-chiyoda", Library.LevelsAll, "28-kobe", 0, l));
                Answer(() => e.SupportJson(1798592400, l));
                Answer(() => Library.SupportJson(1799024400, l));
                Answer(() => Library.HolidaysJson(2026, l));
                for (int mypage = Library.MypageYes; mypage <= Library.MypageUnknown; ++mypage)
                {
                    int m = mypage;
                    Answer(() => Library.MypageStepJson(m, l));
                }
            }
            Answer(() => e.AssociationJson("99-nowhere", Library.LangEn));
            Answer(() => e.GuideCategoriesJson("nowhere", null, 0, null, 0, Library.LangEn));
            Answer(() => e.DirectoryJson(null, "99", null, Library.LangEn));
            Answer(() => Library.HolidaysJson(1999, Library.LangEn));
            Answer(() => Library.GuideJson(7));
            Answer(() => e.SupportJson(5000000000, Library.LangEn));
        }
        Answer(() => Library.ParseInstant("2026-12-30T11:00:00+09:00"));
        Answer(() => { Library.ParseInstant("30 December"); });
        using (Engine fresh = new Engine())
        {
            Answer(() => { fresh.LoadDirectory(bad); });
            Answer(() => Library.LastLoadErrorJson(Library.LangEn));
            Answer(() => { fresh.LoadDirectory(File.ReadAllBytes(bad)); });
            Answer(() => Library.LastLoadErrorJson(Library.LangJa));
            Answer(() => { fresh.LoadDirectory(missing); });
            Answer(() => Library.LastLoadErrorJson(Library.LangEn));
            Answer(() => { fresh.LoadCategories(missing); });
            Answer(() => { fresh.LoadDirectory(File.ReadAllBytes(master)); });
            Answer(() => { fresh.LoadCategories(File.ReadAllBytes(categories)); });
            Answer(() => fresh.DirectoryJson(null, "13", null, Library.LangEn));
            Answer(() => { fresh.SetEncoding(9); });
            Answer(() => { fresh.SetYearEnd(12, 28, 1, 5); });
            Answer(() => fresh.SupportJson(1798419600, Library.LangEn));
            Answer(() => { fresh.SetYearEnd(13, 1, 1, 5); });
        }
        using (Engine fresh = new Engine())
        {
            Answer(() => { fresh.LoadDirectory(cp932); });
            for (int lang = Library.LangJa; lang <= Library.LangEn; ++lang)
            {
                string[] notices = fresh.Notices(lang);
                Frame(Encoding.UTF8.GetBytes(notices.Length.ToString()));
                foreach (string notice in notices) Frame(Encoding.UTF8.GetBytes(notice));
            }
            Answer(() => { fresh.SetEncoding(Library.EncodingUtf8); });
            Answer(() => { fresh.LoadDirectory(cp932); });
        }
        Answer(() => Library.Version());
        Answer(() => Library.VersionNumber());
        for (int status = -10; status <= 15; ++status)
        {
            int s = status;
            Answer(() => Library.StatusName(s));
        }
    }

    // ---- the binding's own checks -----------------------------------------------------------------

    private static int failed;

    private static void Expect(string what, bool ok)
    {
        Console.WriteLine((ok ? "ok: " : "FAIL: ") + what);
        if (!ok) ++failed;
    }

    /// <summary>Runs call, which must throw a T; returns it (or null).</summary>
    private static T Raises<T>(string what, Action call) where T : Exception
    {
        try
        {
            call();
            Expect(what + ": throws " + typeof(T).Name, false);
        }
        catch (Exception x)
        {
            Expect(what + ": " + x.GetType().Name + ": " + x.Message.Replace("\n", " "), x is T);
            return x as T;
        }
        return null;
    }

    private static void ArgumentError(string what, Action call)
    {
        MamisguideException x = Raises<MamisguideException>(what, call);
        Expect(what + ": argument_error", x != null && x.Status == Library.ErrArgument && x.Code == "argument_error");
    }

    private static void Errors(string master, string bad)
    {
        // a refused master: the code, its name and the library's message (file and line)
        MamisguideException x = Raises<MamisguideException>("refused master", () => new Engine(bad));
        Expect("refused master: load_error", x != null && x.Status == Library.ErrLoad && x.Code == "load_error"
                                             && x.Message.StartsWith(bad + ":"));
        x = Raises<MamisguideException>("missing master", () => new Engine(bad + ".missing"));
        Expect("missing master: io_error", x != null && x.Status == Library.ErrIo);
        // NULL and wrong arguments: exceptions, never a crash
        Engine e = new Engine(master);
        Raises<ArgumentNullException>("PlanJson((byte[]) null)", () => e.PlanJson((byte[])null));
        Raises<ArgumentNullException>("PlanJson((string) null)", () => e.PlanJson((string)null));
        Raises<ArgumentNullException>("LoadDirectory((byte[]) null)", () => e.LoadDirectory((byte[])null));
        ArgumentError("LoadDirectory((string) null)", () => e.LoadDirectory((string)null));
        ArgumentError("AssociationJson(null)", () => e.AssociationJson(null));
        ArgumentError("ParseInstant(null)", () => Library.ParseInstant(null));
        Raises<ArgumentException>("a NUL inside a path", () => e.LoadDirectory(master + "\0x"));
        ArgumentError("a lang that is no language", () => e.DirectoryDot(-1));
        // the string and byte[] forms agree; a refusal and invalid UTF-8 are answers, not exceptions
        string request = "{\"member\":{\"municipal\":\"13-chiyoda\",\"levels\":[\"municipal\",\"prefectural\"]},"
                         + "\"request\":{\"operation\":\"withdraw\",\"levels\":[\"municipal\"]}}";
        byte[] bytes = e.PlanJson(Encoding.UTF8.GetBytes(request));
        Expect("PlanJson(string) is PlanJson(byte[]) decoded", e.PlanJson(request) == Encoding.UTF8.GetString(bytes));
        Expect("a refusal is an answer", Encoding.UTF8.GetString(bytes).StartsWith("{\"ok\":false"));
        Expect("invalid UTF-8 is an answer", e.PlanJson(new byte[] { 0xff, (byte)'{' }).Length > 0);
        Expect("an empty request is an answer", e.PlanJson(new byte[0]).Length > 0);
        // a freed engine: disposed twice, then used
        e.Dispose();
        e.Dispose();
        Expect("disposed twice", e.IsClosed);
        ArgumentError("PlanJson after Dispose", () => e.PlanJson(bytes));
        ArgumentError("PlanJson(string) after Dispose", () => e.PlanJson(request));
        ArgumentError("SupportJson after Dispose", () => e.SupportJson(0));
        ArgumentError("LoadDirectory after Dispose", () => e.LoadDirectory(master));
        ArgumentError("Notices after Dispose", () => e.Notices());
        ArgumentError("DirectoryJson after Dispose", () => e.DirectoryJson(null, null, null));
        // engines never disposed are freed by their finalizers (SafeHandle)
        for (int i = 0; i < 100; ++i) new Engine().PlanJson(bytes);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        // threads: planning in parallel while another thread disposes of the engine
        Engine shared = new Engine(master);
        int same = 0, refused = 0;
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.Length; ++t)
        {
            threads[t] = new Thread(() => {
                for (int i = 0; i < 2000; ++i)
                {
                    try
                    {
                        byte[] r = shared.PlanJson(Encoding.UTF8.GetBytes(request));
                        if (Convert.ToBase64String(r) == Convert.ToBase64String(bytes)) Interlocked.Increment(ref same);
                    }
                    catch (MamisguideException)
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
            });
            threads[t].Start();
        }
        shared.Dispose();
        foreach (Thread t in threads) t.Join();
        Expect("4 threads x 2000 calls while the engine is disposed of: each the same answer or argument_error",
               same + refused == 8000);
    }

    /// <summary>The constants, as NAME=VALUE with the header's names.</summary>
    private static void Constants()
    {
        foreach (FieldInfo f in typeof(Library).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (!f.IsLiteral) continue;
            StringBuilder name = new StringBuilder("MG");
            foreach (char c in f.Name)
            {
                if (char.IsUpper(c)) name.Append('_');
                name.Append(char.ToUpperInvariant(c));
            }
            Console.WriteLine(name + "=" + Convert.ToInt64(f.GetRawConstantValue()));
        }
    }

    public static int Main(string[] args)
    {
        string mode = args.Length > 0 ? args[0] : "";
        if (mode == "compare" && args.Length >= 4 && (args.Length - 1) % 3 == 0) Compare(args);
        else if (mode == "answers" && args.Length == 6) Answers(args[1], args[2], args[3], args[4], args[5]);
        else if (mode == "errors" && args.Length == 3) Errors(args[1], args[2]);
        else if (mode == "constants") Constants();
        else
        {
            Console.Error.WriteLine("usage: BindingTest.exe compare (MASTER CATEGORIES REQUESTS)... | answers MASTER "
                                    + "CATEGORIES BAD MISSING CP932 | errors MASTER BAD | constants");
            return 2;
        }
        Out.Flush();
        return failed == 0 ? 0 : 1;
    }
}
