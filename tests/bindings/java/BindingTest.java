// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The Java binding's side of tests/bindings/run_bindings.py: the same calls as native_driver.c,
// the same frames out ("<length>\n<bytes>\n"; a failure "E<status> <name>\n" + a frame of
// mg_last_error()), and the binding's own error checks.
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import mamisguide.Engine;
import mamisguide.Mamisguide;
import mamisguide.MamisguideException;

public final class BindingTest {
    private static final OutputStream out = new BufferedOutputStream(System.out, 1 << 16);

    private static void frame(byte[] data) throws IOException {
        out.write((data.length + "\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write('\n');
    }

    private static void frame(String text) throws IOException {
        frame(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void failure(MamisguideException e) throws IOException {
        out.write(("E" + e.getStatus() + " " + e.getCode() + "\n").getBytes(StandardCharsets.UTF_8));
        frame(e.getLastError());
    }

    private interface Answer {
        Object get();
    }

    /** One answer: its text (or "ok" for a call with no answer), or the failure. */
    private static void answer(Answer a) throws IOException {
        try {
            Object r = a.get();
            if (r instanceof byte[]) frame((byte[]) r);
            else frame(r == null ? "ok" : r.toString());
        } catch (MamisguideException e) {
            failure(e);
        }
    }

    private static Engine engine(String master, String categories) {
        Engine e = new Engine(master);
        if (!categories.equals("-")) e.loadCategories(categories);
        return e;
    }

    private static void compare(String[] args) throws IOException {
        for (int i = 1; i + 2 < args.length; i += 3) {
            try (Engine e = engine(args[i], args[i + 1])) {
                byte[] input = Files.readAllBytes(Paths.get(args[i + 2]));
                int at = 0;
                while (at < input.length) {
                    int nl = at;
                    while (input[nl] != '\n') ++nl;
                    int n = Integer.parseInt(new String(input, at, nl - at, StandardCharsets.US_ASCII));
                    byte[] request = Arrays.copyOfRange(input, nl + 1, nl + 1 + n);
                    at = nl + 1 + n + 1;
                    answer(() -> e.planJson(request));
                    if (i == 1) stringForm(e, request); // the corpus: the String form too
                }
            }
        }
    }

    /** planJson(String) of a request that is valid UTF-8 is planJson(byte[]) decoded. */
    private static void stringForm(Engine e, byte[] request) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(request)).toString();
        } catch (CharacterCodingException notUtf8) {
            return;
        }
        if (!e.planJson(text).equals(new String(e.planJson(request), StandardCharsets.UTF_8))) {
            System.err.println("BindingTest: planJson(String) differs from planJson(byte[]) for "
                    + text.substring(0, Math.min(200, text.length())));
            System.exit(1);
        }
    }

    private static void answers(String master, String categories, String bad, String missing, String cp932)
            throws IOException {
        try (Engine e = engine(master, categories)) {
            for (int lang = Mamisguide.LANG_JA; lang <= Mamisguide.LANG_EN; ++lang) {
                final int l = lang;
                answer(() -> Mamisguide.guideJson(l));
                answer(() -> Mamisguide.webTextsJson(l));
                answer(() -> Mamisguide.transitionsDot(l));
                answer(() -> e.directoryDot(l));
                answer(() -> e.directoryJson(null, "13", null, l));
                answer(() -> e.directoryJson("chiyoda", null, null, l));
                answer(() -> e.associationJson("13-chiyoda", l));
                answer(() -> e.guideCategoriesJson("change.transfer", "13-chiyoda", Mamisguide.LEVELS_ALL, "28-kobe",
                        0, l));
                answer(() -> e.supportJson(1798592400L, l));
                answer(() -> Mamisguide.supportJson(1799024400L, l));
                answer(() -> Mamisguide.holidaysJson(2026, l));
                for (int mypage = Mamisguide.MYPAGE_YES; mypage <= Mamisguide.MYPAGE_UNKNOWN; ++mypage) {
                    final int m = mypage;
                    answer(() -> Mamisguide.mypageStepJson(m, l));
                }
            }
            answer(() -> e.associationJson("99-nowhere", Mamisguide.LANG_EN));
            answer(() -> e.guideCategoriesJson("nowhere", null, 0, null, 0, Mamisguide.LANG_EN));
            answer(() -> e.directoryJson(null, "99", null, Mamisguide.LANG_EN));
            answer(() -> Mamisguide.holidaysJson(1999, Mamisguide.LANG_EN));
            answer(() -> Mamisguide.guideJson(7));
            answer(() -> e.supportJson(5000000000L, Mamisguide.LANG_EN));
        }
        answer(() -> Long.toString(Mamisguide.parseInstant("2026-12-30T11:00:00+09:00")));
        answer(() -> { Mamisguide.parseInstant("30 December"); return null; });
        try (Engine fresh = new Engine()) {
            answer(() -> { fresh.loadDirectory(bad); return null; });
            answer(() -> Mamisguide.lastLoadErrorJson(Mamisguide.LANG_EN));
            byte[] badBytes = Files.readAllBytes(Paths.get(bad));
            answer(() -> { fresh.loadDirectory(badBytes); return null; });
            answer(() -> Mamisguide.lastLoadErrorJson(Mamisguide.LANG_JA));
            answer(() -> { fresh.loadDirectory(missing); return null; });
            answer(() -> Mamisguide.lastLoadErrorJson(Mamisguide.LANG_EN));
            answer(() -> { fresh.loadCategories(missing); return null; });
            byte[] masterBytes = Files.readAllBytes(Paths.get(master));
            answer(() -> { fresh.loadDirectory(masterBytes); return null; });
            byte[] categoryBytes = Files.readAllBytes(Paths.get(categories));
            answer(() -> { fresh.loadCategories(categoryBytes); return null; });
            answer(() -> fresh.directoryJson(null, "13", null, Mamisguide.LANG_EN));
            answer(() -> { fresh.setEncoding(9); return null; });
            answer(() -> { fresh.setYearEnd(12, 28, 1, 5); return null; });
            answer(() -> fresh.supportJson(1798419600L, Mamisguide.LANG_EN));
            answer(() -> { fresh.setYearEnd(13, 1, 1, 5); return null; });
        }
        try (Engine fresh = new Engine()) {
            answer(() -> { fresh.loadDirectory(cp932); return null; });
            for (int lang = Mamisguide.LANG_JA; lang <= Mamisguide.LANG_EN; ++lang) {
                String[] notices = fresh.notices(lang);
                frame(Integer.toString(notices.length));
                for (String notice : notices) frame(notice);
            }
            answer(() -> { fresh.setEncoding(Mamisguide.ENCODING_UTF8); return null; });
            answer(() -> { fresh.loadDirectory(cp932); return null; });
        }
        answer(Mamisguide::version);
        answer(() -> Integer.toString(Mamisguide.versionNumber()));
        for (int status = -10; status <= 15; ++status) {
            final int s = status;
            answer(() -> Mamisguide.statusName(s));
        }
    }

    // ---- the binding's own checks ---------------------------------------------------------------

    private static int failed = 0;

    private static void expect(String what, boolean ok) {
        System.out.println((ok ? "ok: " : "FAIL: ") + what);
        if (!ok) ++failed;
    }

    /** Runs call, which must throw an exception of type want; returns it (or null). */
    private static <T extends Throwable> T raises(String what, Class<T> want, Runnable call) {
        try {
            call.run();
            expect(what + ": throws " + want.getSimpleName(), false);
        } catch (Throwable t) {
            expect(what + ": " + t, want.isInstance(t));
            if (want.isInstance(t)) return want.cast(t);
        }
        return null;
    }

    private static void closedEngine(String what, Engine e, Runnable call) {
        MamisguideException x = raises(what + " after close", MamisguideException.class, call);
        expect(what + " after close: argument_error", x != null && x.getStatus() == Mamisguide.ERR_ARGUMENT
                && x.getCode().equals("argument_error"));
    }

    private static void errors(String master, String bad) throws IOException {
        // a refused master: the code, its name and the library's message (file and line)
        MamisguideException x = raises("refused master", MamisguideException.class, () -> new Engine(bad));
        expect("refused master: load_error", x != null && x.getStatus() == Mamisguide.ERR_LOAD
                && x.getCode().equals("load_error") && x.getLastError().startsWith(bad + ":")
                && x.getMessage().equals("load_error: " + x.getLastError()));
        x = raises("missing master", MamisguideException.class, () -> new Engine(bad + ".missing"));
        expect("missing master: io_error", x != null && x.getStatus() == Mamisguide.ERR_IO);
        // NULL and wrong arguments: exceptions, never a crash
        Engine e = new Engine(master);
        raises("planJson((byte[]) null)", NullPointerException.class, () -> e.planJson((byte[]) null));
        raises("planJson((String) null)", NullPointerException.class, () -> e.planJson((String) null));
        raises("loadDirectory((byte[]) null)", NullPointerException.class, () -> e.loadDirectory((byte[]) null));
        x = raises("loadDirectory((String) null)", MamisguideException.class, () -> e.loadDirectory((String) null));
        expect("loadDirectory((String) null): argument_error", x != null && x.getStatus() == Mamisguide.ERR_ARGUMENT);
        x = raises("associationJson(null)", MamisguideException.class, () -> e.associationJson(null, 0));
        expect("associationJson(null): argument_error", x != null && x.getStatus() == Mamisguide.ERR_ARGUMENT);
        x = raises("parseInstant(null)", MamisguideException.class, () -> Mamisguide.parseInstant(null));
        expect("parseInstant(null): argument_error", x != null && x.getStatus() == Mamisguide.ERR_ARGUMENT);
        raises("a NUL inside a path", IllegalArgumentException.class, () -> e.loadDirectory(master + "\0x"));
        x = raises("a lang that is no language", MamisguideException.class, () -> e.directoryDot(-1));
        expect("lang -1: argument_error", x != null && x.getStatus() == Mamisguide.ERR_ARGUMENT);
        // the String and byte[] forms agree; a refusal and invalid UTF-8 are answers, not exceptions
        String request = "{\"member\":{\"municipal\":\"13-chiyoda\",\"levels\":[\"municipal\",\"prefectural\"]},"
                + "\"request\":{\"operation\":\"withdraw\",\"levels\":[\"municipal\"]}}";
        byte[] bytes = e.planJson(request.getBytes(StandardCharsets.UTF_8));
        expect("planJson(String) is planJson(byte[]) decoded",
                e.planJson(request).equals(new String(bytes, StandardCharsets.UTF_8)));
        expect("a refusal is an answer", new String(bytes, StandardCharsets.UTF_8).startsWith("{\"ok\":false"));
        expect("invalid UTF-8 is an answer", e.planJson(new byte[] {(byte) 0xff, '{'}).length > 0);
        expect("an empty request is an answer", e.planJson(new byte[0]).length > 0);
        // a freed engine: closed twice, then used
        e.close();
        e.close();
        expect("closed twice", e.isClosed());
        closedEngine("planJson", e, () -> e.planJson(bytes));
        closedEngine("planJson(String)", e, () -> e.planJson(request));
        closedEngine("supportJson", e, () -> e.supportJson(0, 0));
        closedEngine("loadDirectory", e, () -> e.loadDirectory(master));
        closedEngine("notices", e, () -> e.notices(0));
        closedEngine("directoryJson", e, () -> e.directoryJson(null, null, null, 0));
        // an engine that is never closed is freed by the collector (no crash at exit)
        for (int i = 0; i < 100; ++i) new Engine().planJson(bytes);
        System.gc();
        // threads: planning in parallel while another thread closes the engine
        Engine shared = new Engine(master);
        Thread[] threads = new Thread[4];
        int[] answered = new int[threads.length], refused = new int[threads.length];
        for (int t = 0; t < threads.length; ++t) {
            final int k = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 2000; ++i) {
                    try {
                        if (Arrays.equals(shared.planJson(request.getBytes(StandardCharsets.UTF_8)), bytes)) ++answered[k];
                    } catch (MamisguideException closed) {
                        ++refused[k];
                    }
                }
            });
            threads[t].start();
        }
        shared.close();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException ie) {
                throw new IOException(ie);
            }
        }
        int total = 0;
        for (int t = 0; t < threads.length; ++t) total += answered[t] + refused[t];
        expect("4 threads x 2000 calls while the engine closes: each the same answer or argument_error",
                total == 8000);
    }

    /** The constants, as NAME=VALUE with the header's names (MG_ + the Java name). */
    private static void constants() throws IllegalAccessException {
        for (Field f : Mamisguide.class.getFields())
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class)
                System.out.println("MG_" + f.getName() + "=" + f.getInt(null));
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "";
        if (mode.equals("compare") && args.length >= 4 && (args.length - 1) % 3 == 0) compare(args);
        else if (mode.equals("answers") && args.length == 6) answers(args[1], args[2], args[3], args[4], args[5]);
        else if (mode.equals("errors") && args.length == 3) errors(args[1], args[2]);
        else if (mode.equals("constants")) constants();
        else {
            System.err.println("usage: BindingTest compare (MASTER CATEGORIES REQUESTS)... | answers MASTER "
                    + "CATEGORIES BAD MISSING CP932 | errors MASTER BAD | constants");
            System.exit(2);
        }
        out.flush();
        System.exit(failed == 0 ? 0 : 1);
    }
}
