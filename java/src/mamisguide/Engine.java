// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
package mamisguide;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An engine (mg_engine): JMA and the 47 prefectural associations, plus the municipal
 * associations and the category catalogues loaded into it. Every answer is the library's own
 * bytes: planJson returns exactly what mg_plan_json wrote, a plan or a refusal.
 *
 * <p>Threads: share one engine freely. Planning and the JSON answers run in parallel (the C
 * engine is immutable once loaded); loading and {@link #close()} wait for the calls in progress
 * and hold the others off, so a closed engine gives a {@link MamisguideException}
 * ("argument_error"), never a crash. An engine that is never closed is freed when collected.
 */
public final class Engine implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    /** The native engine, freed once: by close() or, failing that, by the cleaner. */
    private static final class Owned implements Runnable {
        volatile Pointer engine;

        Owned(Pointer engine) {
            this.engine = engine;
        }

        @Override
        public void run() {
            Pointer p = engine;
            engine = null;
            if (p != null) CApi.mg_engine_free(p);
        }
    }

    private final Owned state;
    private final Cleaner.Cleanable cleanable;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** An engine with the built-in directory (mg_engine_new). */
    public Engine() {
        PointerByReference out = new PointerByReference();
        CApi.check(CApi.mg_engine_new(out));
        state = new Owned(out.getValue());
        cleanable = CLEANER.register(this, state);
    }

    /** An engine with a municipal master loaded from a file (see {@link #loadDirectory(String)}). */
    public Engine(String masterPath) {
        this();
        try {
            loadDirectory(masterPath);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Frees the native engine. Idempotent; every later call throws "argument_error". */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            cleanable.clean();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** True once {@link #close()} ran. */
    public boolean isClosed() {
        return state.engine == null;
    }

    private CApi.EngineHandle handle() {
        Pointer p = state.engine;
        if (p == null)
            throw new MamisguideException(Mamisguide.ERR_ARGUMENT, Mamisguide.statusName(Mamisguide.ERR_ARGUMENT),
                    "the engine is closed");
        return new CApi.EngineHandle(p);
    }

    private interface Call<T> {
        T run(CApi.EngineHandle e);
    }

    private <T> T read(Call<T> call) {
        lock.readLock().lock();
        try {
            return call.run(handle());
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Call<T> call) {
        lock.writeLock().lock();
        try {
            return call.run(handle());
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- loading (all or nothing: on failure the engine is unchanged) --------------------------

    /** mg_engine_load_directory: a municipal master, CSV or JSON, UTF-8 or CP932. */
    public Engine loadDirectory(String path) {
        byte[] p = CApi.cstr(path);
        return write(e -> {
            CApi.check(CApi.mg_engine_load_directory(e, p));
            return this;
        });
    }

    /** mg_engine_load_directory_buffer: a master's bytes. */
    public Engine loadDirectory(byte[] data) {
        Objects.requireNonNull(data, "data");
        return write(e -> {
            CApi.check(CApi.mg_engine_load_directory_buffer(e, data, new CApi.SizeT(data.length)));
            return this;
        });
    }

    /** mg_engine_load_categories: per-association category catalogues (association,code,label). */
    public Engine loadCategories(String path) {
        byte[] p = CApi.cstr(path);
        return write(e -> {
            CApi.check(CApi.mg_engine_load_categories(e, p));
            return this;
        });
    }

    /** mg_engine_load_categories_buffer: a catalogue's bytes. */
    public Engine loadCategories(byte[] data) {
        Objects.requireNonNull(data, "data");
        return write(e -> {
            CApi.check(CApi.mg_engine_load_categories_buffer(e, data, new CApi.SizeT(data.length)));
            return this;
        });
    }

    /** mg_engine_set_encoding: how the loads that follow read bytes (Mamisguide.ENCODING_*). */
    public Engine setEncoding(int encoding) {
        return write(e -> {
            CApi.check(CApi.mg_engine_set_encoding(e, encoding));
            return this;
        });
    }

    /** mg_engine_set_year_end: the support desk's year-end break (default 12/29-1/3). */
    public Engine setYearEnd(int firstMonth, int firstDay, int lastMonth, int lastDay) {
        return write(e -> {
            CApi.check(CApi.mg_engine_set_year_end(e, firstMonth, firstDay, lastMonth, lastDay));
            return this;
        });
    }

    /** The notices of the last load (mg_engine_notice), e.g. that a file was read as CP932. */
    public String[] notices(int lang) {
        return write(e -> { // mg_engine_notice reuses one buffer of the engine's
            int n = Math.toIntExact(CApi.mg_engine_notice_count(e).longValue());
            String[] out = new String[n];
            for (int i = 0; i < n; ++i) out[i] = CApi.string(CApi.mg_engine_notice(e, new CApi.SizeT(i), lang));
            return out;
        });
    }

    // ---- planning -------------------------------------------------------------------------------

    /**
     * mg_plan_json: one request of the JSON contract in, exactly the library's response out (a
     * plan, {"ok":true,...}, or a refusal, {"ok":false,"error":{...}}), whatever the bytes were.
     * Throws only when no response could be given (out of memory, a closed engine).
     */
    public byte[] planJson(byte[] request) {
        Objects.requireNonNull(request, "request");
        return read(e -> {
            PointerByReference out = new PointerByReference();
            int status = CApi.mg_plan_json(e, request, new CApi.SizeT(request.length), out);
            return CApi.answer(status, out);
        });
    }

    /** {@link #planJson(byte[])} on the request's UTF-8 bytes, the response decoded from UTF-8. */
    public String planJson(String request) {
        Objects.requireNonNull(request, "request");
        return new String(planJson(request.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    // ---- every other answer, as the library writes it -------------------------------------------

    /** mg_directory_json: associations matching a search (each argument null for "any"). */
    public String directoryJson(String text, String prefecture, String code, int lang) {
        byte[] t = CApi.cstr(text), p = CApi.cstr(prefecture), c = CApi.cstr(code);
        return read(e -> {
            PointerByReference out = new PointerByReference();
            return CApi.text(CApi.mg_directory_json(e, t, p, c, lang, out), out);
        });
    }

    /** mg_association_json: one association by code ("unknown_association" when none has it). */
    public String associationJson(String code, int lang) {
        byte[] c = CApi.cstr(code);
        return read(e -> {
            PointerByReference out = new PointerByReference();
            return CApi.text(CApi.mg_association_json(e, c, lang, out), out);
        });
    }

    /**
     * mg_guide_categories_json: the category questions of a guide leaf ("join.national", ...) for
     * this member and request; a refusal's JSON for an unknown leaf or association.
     */
    public String guideCategoriesJson(String leaf, String memberMunicipal, int memberLevels, String municipal,
            int levels, int lang) {
        byte[] l = CApi.cstr(leaf), mm = CApi.cstr(memberMunicipal), m = CApi.cstr(municipal);
        return read(e -> {
            PointerByReference out = new PointerByReference();
            return CApi.text(CApi.mg_guide_categories_json(e, l, mm, memberLevels, m, levels, lang, out), out);
        });
    }

    /** mg_support_json: the desk at a Unix time, with this engine's year-end break. */
    public String supportJson(long unixSeconds, int lang) {
        return read(e -> {
            PointerByReference out = new PointerByReference();
            return CApi.text(CApi.mg_support_json(e, unixSeconds, lang, out), out);
        });
    }

    /** mg_directory_dot: the association hierarchy as Graphviz DOT. */
    public String directoryDot(int lang) {
        return read(e -> {
            PointerByReference out = new PointerByReference();
            return CApi.text(CApi.mg_directory_dot(e, lang, out), out);
        });
    }
}
