// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// mamisguide for JavaScript: the C ABI (capi/mamisguide.h) compiled to WebAssembly.
//
// This module only moves bytes across the C ABI: every answer, every word and every JSON shape
// comes from the C++ core (no rule, no text, no JSON writer here). The build (scripts/wasm.sh,
// js/build-package.mjs) makes the package's index.mjs from this file by putting emscripten's
// loader (`createMamisguideModule`) and the .wasm (`wasmBase64`) where the next line says, so
// that index.mjs is one self-contained ES module that imports nothing (Node 18+, browsers, and a
// page that inlines it).
/* @engine@ */

// ---- constants of capi/mamisguide.h ---------------------------------------------------------
const MG_ERR_NOMEM = -4;
const MG_ERR_RANGE = -5;
const MG_ERR_BUFFER = -7;
const MG_UNKNOWN_ASSOCIATION = 2;
const MG_FILE_HEAD_BYTES = 4096; // how much of a file mg_check_file looks at
const ENCODINGS = { auto: 0, 'utf-8': 1, cp932: 2 }; // MG_ENCODING_*
const SCRATCH_KEEP = 1 << 20; // a larger input buffer is given back after the call
// planJson's answers in bytes are views of a slab of this size, one after the other (a new slab
// when the answer does not fit in what is left; an answer larger than SLAB_LARGEST gets an
// ArrayBuffer of its own), rather than one ArrayBuffer each: as Node's own Buffer pool does
// (8 KiB, for Buffers under 4 KiB). A view kept holds its whole slab until it is collected.
const SLAB = 128 << 10;
const SLAB_LARGEST = SLAB >> 3;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
// Node's Buffer, where there is one: memchr and a UTF-8 decoder without a view per call.
const NodeBuffer = typeof Buffer === 'function' && typeof Buffer.from === 'function' ? Buffer : null;
const INTERNAL = Symbol.for('mamisguide.internal');
// The views planJson hands out: in Node, Buffers (a Uint8Array whose prototype is Buffer's, as
// Node makes its own), made directly over the slab's ArrayBuffer, without Buffer#subarray's checks.
const AnswerBytes = NodeBuffer
  ? (() => {
      class AnswerBuffer extends Uint8Array {}
      Object.setPrototypeOf(AnswerBuffer.prototype, NodeBuffer.prototype);
      return AnswerBuffer;
    })()
  : Uint8Array;

// ---- errors ---------------------------------------------------------------------------------

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object of ' + (value.constructor?.name ?? 'no class');
  return typeof value === 'string' ? 'a string' : typeof value;
}

/** A wrong type: a TypeError naming the parameter (checked here, before any wasm is called). */
function typeError(param, expected, value) {
  const e = new TypeError(`mamisguide: ${param} must be ${expected}, not ${describe(value)}`);
  e.code = 'type_error';
  e.mamisguide = true;
  return e;
}

function oneOf(param, value, names, fallback) {
  if (value === undefined) return names.get(fallback);
  const n = typeof value === 'string' ? names.get(value) : undefined;
  if (n === undefined) {
    const list = [...names.keys()].map((k) => `'${k}'`).join(', ');
    throw typeError(param, 'one of ' + list, value);
  }
  return n;
}

function bytesOrString(param, value) {
  if (typeof value === 'string' || value instanceof Uint8Array) return value;
  throw typeError(param, 'a string or a Uint8Array (a Buffer is one)', value);
}

/** A Blob (a File from an <input type=file>, or Node's Blob): read here, after mg_check_file. */
function isBlob(value) {
  return value !== null && typeof value === 'object' && !(value instanceof Uint8Array) &&
    typeof value.size === 'number' && typeof value.slice === 'function' &&
    typeof value.arrayBuffer === 'function';
}

function fileData(param, value) {
  if (typeof value === 'string' || value instanceof Uint8Array || isBlob(value)) return value;
  throw typeError(param, 'a string, a Uint8Array (a Buffer is one) or a Blob (a File)', value);
}

function optionalString(param, value) {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  throw typeError(param, 'a string', value);
}

// ---- the WebAssembly instance, shared by every engine ----------------------------------------

let wasmModule = null; // the compiled WebAssembly.Module, kept for a new instance after a trap
let current = null; // the Instance new engines are made in
let loading = null; // its Promise while it is being made

function decodeBase64(text) {
  if (NodeBuffer) {
    const b = NodeBuffer.from(text, 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.length);
  }
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; ++i) out[i] = bin.charCodeAt(i);
  return out;
}

function instance() {
  if (current && !current.broken) return Promise.resolve(current);
  if (!loading) {
    let lastMessage = '';
    const options = {
      print: () => {},
      printErr: (text) => {
        lastMessage = String(text);
      },
      instantiateWasm(imports, receive) {
        (async () => {
          if (!wasmModule) wasmModule = await WebAssembly.compile(decodeBase64(wasmBase64));
          const inst = await WebAssembly.instantiate(wasmModule, imports);
          receive(inst, wasmModule);
        })().catch((e) => {
          loading = null;
          rejectLoad(e);
        });
        return {};
      },
    };
    let rejectLoad;
    loading = new Promise((resolve, reject) => {
      rejectLoad = reject;
      createMamisguideModule(options).then(
        (module) => {
          loading = null;
          try {
            current = new Instance(module, () => lastMessage);
            resolve(current);
          } catch (e) {
            reject(e);
          }
        },
        (e) => {
          loading = null;
          reject(e);
        },
      );
    });
  }
  return loading;
}

/** Names of a C ABI enumeration (mg_lang_name, mg_mypage_name, …) → its values. */
function enumNames(inst, fn, values) {
  const names = new Map();
  for (const v of values) {
    const p = fn(v);
    if (!p) break;
    names.set(inst.cstring(p), v);
  }
  return names;
}

/** The C ABI functions this module calls (js/CMakeLists.txt exports them). */
const EXPORTS = [
  'mg_version', 'mg_status_name', 'mg_last_error', 'mg_engine_new', 'mg_engine_free',
  'mg_engine_set_encoding', 'mg_engine_load_directory_buffer', 'mg_engine_load_categories_buffer',
  'mg_engine_load_sample', 'mg_engine_notice_count', 'mg_engine_notice', 'mg_plan_json_to',
  'mg_batch_json', 'mg_guide_json', 'mg_web_texts_json', 'mg_guide_categories_json',
  'mg_directory_json', 'mg_association_json', 'mg_support_json', 'mg_parse_instant',
  'mg_holidays_json', 'mg_mypage_step_json', 'mg_last_load_error_json', 'mg_lang_name',
  'mg_mypage_name', 'mg_level_name', 'mg_free', 'malloc', 'free', 'mallinfo',
  'mg_engine_set_buffer_name', 'mg_check_file',
];

/**
 * The WebAssembly instance's functions by name, called directly. (emscripten keeps the exports'
 * names at -O2; were they minified, its Module._name wrappers are used, which are slower.)
 */
function exportsOf(module) {
  const x = {};
  for (const name of EXPORTS) {
    x[name] = module.asm[name] ?? ((...a) => module['_' + name](...a));
  }
  x.memory = Object.values(module.asm).find((v) => v instanceof WebAssembly.Memory);
  return x;
}

class Instance {
  constructor(module, lastMessage) {
    const x = exportsOf(module);
    this.x = x;
    this.memory = x.memory;
    this.lastMessage = lastMessage;
    this.broken = null; // the trap that ended this instance
    this.buffer = null;
    this.u8 = null;
    this.u32 = null;
    this.node = null;
    this.refresh();
    this.slab = null; // planJson's answers in bytes (answer())
    this.slabBuffer = null;
    this.slabUsed = 0;
    this.out = x.malloc(16); // out-parameters: a pointer or a size, an int64
    if (!this.out) throw this.statusError(MG_ERR_NOMEM, 'no memory for the engine');
    // Two blocks, reused by every call, never allocated per request: the input (requests are
    // written here) and the response of planJson (mg_plan_json_to writes it here).
    this.inPtr = 0;
    this.inCap = 0;
    this.inView = null;
    this.grow(64 << 10);
    this.resPtr = 0;
    this.resCap = 0;
    this.growResult(64 << 10);
    this.langs = enumNames(this, x.mg_lang_name, [0, 1, 2, 3]);
    this.mypages = enumNames(this, x.mg_mypage_name, [0, 1, 2, 3, 4]);
    this.levels = enumNames(this, x.mg_level_name, [1, 2, 4]);
    this.version = this.cstring(x.mg_version());
  }

  /** The views over memory, made again when it has grown (the old ArrayBuffer is detached). */
  refresh() {
    if (this.buffer !== this.memory.buffer) {
      this.buffer = this.memory.buffer;
      this.u8 = new Uint8Array(this.buffer);
      this.u32 = new Uint32Array(this.buffer);
      this.node = NodeBuffer ? NodeBuffer.from(this.buffer) : null;
      this.inView = this.inCap ? this.u8.subarray(this.inPtr, this.inPtr + this.inCap) : null;
    }
    return this.u8;
  }

  /** The input block, at least `n` bytes. */
  grow(n) {
    if (n <= this.inCap) return;
    const cap = Math.max(n, this.inCap * 2);
    const p = this.x.malloc(cap);
    if (!p) throw this.statusError(MG_ERR_NOMEM, 'no memory for the input (' + cap + ' bytes)');
    if (this.inPtr) this.x.free(this.inPtr);
    this.inPtr = p;
    this.inCap = cap;
    this.buffer = null;
    this.refresh();
  }

  /** The response block, at least `n` bytes. */
  growResult(n) {
    if (n <= this.resCap) return;
    const cap = Math.max(n, this.resCap * 2);
    const p = this.x.malloc(cap);
    if (!p) throw this.statusError(MG_ERR_NOMEM, 'no memory for the response (' + cap + ' bytes)');
    if (this.resPtr) this.x.free(this.resPtr);
    this.resPtr = p;
    this.resCap = cap;
  }

  /** The end of a NUL-terminated string at `p`. */
  end(p) {
    const u8 = this.refresh();
    return this.node ? this.node.indexOf(0, p) : u8.indexOf(0, p);
  }

  /** `n` bytes at `p` as text (UTF-8), or a copy of them. */
  read(p, n, asBytes) {
    this.refresh();
    if (asBytes) {
      if (!this.node) return this.u8.slice(p, p + n);
      const b = NodeBuffer.allocUnsafe(n);
      this.node.copy(b, 0, p, p + n);
      return b;
    }
    return this.node ? this.node.toString('utf8', p, p + n) : decoder.decode(this.u8.subarray(p, p + n));
  }

  /**
   * `n` bytes at `p` as a Uint8Array (a Buffer in Node) of the caller's: a view of the slab
   * (SLAB). A view is never written again: the next answers go after it, and a full slab is
   * left to the views that still hold it (the garbage collector frees it after the last one).
   */
  answer(p, n) {
    if (n > SLAB_LARGEST) return this.read(p, n, true);
    let at = this.slabUsed;
    if (!this.slab || at + n > SLAB) {
      this.slab = new Uint8Array(SLAB);
      this.slabBuffer = this.slab.buffer;
      at = 0;
    }
    this.slabUsed = (at + n + 7) & ~7; // the next one 8-byte aligned, as Node's pool does
    // (this.u8 is current: the call that wrote the answer has just refreshed it, outPointer())
    this.slab.set(this.u8.subarray(p, p + n), at);
    return new AnswerBytes(this.slabBuffer, at, n);
  }

  /** After a large input: the block back to its usual size. */
  shrink() {
    if (this.inCap > SCRATCH_KEEP) {
      this.x.free(this.inPtr);
      this.inPtr = 0;
      this.inCap = 0;
      this.grow(64 << 10);
    }
    if (this.resCap > SCRATCH_KEEP) {
      this.x.free(this.resPtr);
      this.resPtr = 0;
      this.resCap = 0;
      this.growResult(64 << 10);
    }
  }

  /** Writes a string (UTF-8) or bytes into the input block; returns the length in bytes. */
  put(value) {
    if (typeof value === 'string') {
      if (value.length * 3 > this.inCap && value.length * 3 > SCRATCH_KEEP) {
        // A large text: encoded once, exactly, rather than into a block of three times its size.
        return this.put(encoder.encode(value));
      }
      this.refresh();
      let r = encoder.encodeInto(value, this.inView);
      if (r.read < value.length) {
        this.grow(value.length * 3);
        r = encoder.encodeInto(value, this.inView);
      }
      return r.written;
    }
    this.grow(value.length);
    this.refresh().set(value, this.inPtr);
    return value.length;
  }

  /** A NUL-terminated UTF-8 string of the library's (not freed). */
  cstring(p) {
    if (!p) return null;
    return this.read(p, this.end(p) - p, false);
  }

  /** A string the library allocated (freed here), as text or as a copy of its bytes. */
  take(p, asBytes) {
    const r = this.read(p, this.end(p) - p, asBytes);
    this.x.mg_free(p);
    return r;
  }

  /** A C string of ours (malloc'd; free it with this.x.free). */
  alloc(s) {
    if (s === null || s === undefined) return 0;
    const b = encoder.encode(s);
    const p = this.x.malloc(b.length + 1);
    if (!p) throw this.statusError(MG_ERR_NOMEM);
    const u8 = this.refresh();
    u8.set(b, p);
    u8[p + b.length] = 0;
    return p;
  }

  /** The pointer or size the last call wrote to this.out. */
  outPointer() {
    this.refresh();
    return this.u32[this.out >> 2];
  }

  /** A negative status (or a refusal's code where an answer was expected) as an Error. */
  statusError(status, message) {
    const code = this.cstring(this.x.mg_status_name(status));
    const text = message || this.cstring(this.x.mg_last_error()) || code;
    const E = status === MG_ERR_NOMEM || status === MG_ERR_RANGE ? RangeError : Error;
    const e = new E('mamisguide: ' + text);
    e.code = code;
    e.status = status;
    e.mamisguide = true;
    return e;
  }

  /** A trap (a bug, or memory that is not the library's any more): this instance is done. */
  trap(cause) {
    if (cause && cause.mamisguide) return cause; // already one of ours
    if (!this.broken) {
      this.broken = cause;
      if (current === this) current = null;
    }
    const detail = (cause && cause.message) || this.lastMessage() || String(cause);
    const e = new Error(
      'mamisguide: internal error in the WebAssembly engine (' + detail + '); ' +
        'this engine can no longer be used: create a new one',
      { cause },
    );
    e.code = 'internal';
    e.mamisguide = true;
    return e;
  }

  /** Calls a C ABI function whose answer is a string it allocates (char** out, last). */
  call(fn, args, asBytes = false) {
    let status, p;
    try {
      status = fn(...args, this.out);
      p = this.outPointer();
    } catch (e) {
      throw this.trap(e);
    }
    if (!p) throw this.statusError(status);
    let text;
    try {
      text = this.take(p, asBytes);
    } catch (e) {
      throw this.trap(e);
    }
    return { status, text };
  }

  json(fn, args) {
    const { status, text } = this.call(fn, args);
    if (status < 0) throw this.statusError(status);
    return { status, value: JSON.parse(text) };
  }

  /** mg_engine_free, unless the instance is broken (its heap can no longer be trusted). */
  freeEngine(ptr) {
    if (this.broken || !ptr) return;
    try {
      this.x.mg_engine_free(ptr);
    } catch (e) {
      throw this.trap(e);
    }
  }

  /** The refusal of the load that just failed: an Error whose detail is mg_last_load_error_json's. */
  loadError(status, lang) {
    const e = this.statusError(status);
    try {
      const { value } = this.json(this.x.mg_last_load_error_json, [lang]);
      e.detail = value;
      if (value && value.error && value.error.message) e.message = 'mamisguide: ' + value.error.message;
    } catch (inner) {
      if (inner && inner.code === 'internal') throw inner;
    }
    return e;
  }

  /** A buffer load (mg_engine_load_*_buffer) of `data`, which refusals and notices call `name`. */
  load(fn, ptr, data, name, lang) {
    const p = this.alloc(name);
    let status;
    try {
      status = this.x.mg_engine_set_buffer_name(ptr, p);
    } catch (e) {
      throw this.trap(e);
    } finally {
      if (p) this.x.free(p);
    }
    if (status !== 0) throw this.statusError(status);
    const len = this.put(data);
    try {
      status = fn(ptr, this.inPtr, len);
    } catch (e) {
      throw this.trap(e);
    }
    this.shrink();
    if (status !== 0) throw this.loadError(status, lang);
  }

  /**
   * A Blob's bytes, read only when the library's first checks pass (mg_check_file on its size
   * and its first MG_FILE_HEAD_BYTES): a 200 MB file or a picture is refused without being read
   * into memory, with the refusal a loader would give.
   */
  async readChecked(blob, name, lang) {
    const head = new Uint8Array(await blob.slice(0, MG_FILE_HEAD_BYTES).arrayBuffer());
    const len = this.put(head);
    const p = this.alloc(name);
    let status;
    try {
      status = this.x.mg_check_file(p, BigInt(blob.size), this.inPtr, Math.min(len, blob.size));
    } catch (e) {
      throw this.trap(e);
    } finally {
      if (p) this.x.free(p);
    }
    if (status !== 0) throw this.loadError(status, lang);
    return new Uint8Array(await blob.arrayBuffer());
  }

  notices(ptr, lang) {
    const out = [];
    try {
      const n = this.x.mg_engine_notice_count(ptr);
      for (let i = 0; i < n; ++i) out.push(this.cstring(this.x.mg_engine_notice(ptr, i, lang)));
    } catch (e) {
      throw this.trap(e);
    }
    return out;
  }

  newEngine(directory, categories, encoding, lang, names) {
    let ptr = 0;
    try {
      const status = this.x.mg_engine_new(this.out);
      if (status !== 0) throw this.statusError(status);
      ptr = this.outPointer();
      const set = this.x.mg_engine_set_encoding(ptr, encoding);
      if (set !== 0) throw this.statusError(set);
    } catch (e) {
      throw e && e.code ? e : this.trap(e);
    }
    try {
      const notices = [];
      let sample = false;
      if (directory === null) {
        let status;
        try {
          status = this.x.mg_engine_load_sample(ptr);
        } catch (e) {
          throw this.trap(e);
        }
        if (status !== 0) throw this.statusError(status);
        sample = true;
      } else {
        this.load(this.x.mg_engine_load_directory_buffer, ptr, directory, names[0], lang);
        notices.push(...this.notices(ptr, lang));
      }
      if (categories !== null) {
        this.load(this.x.mg_engine_load_categories_buffer, ptr, categories, names[1], lang);
        notices.push(...this.notices(ptr, lang));
      }
      return new Engine(this, ptr, sample, notices);
    } catch (e) {
      this.freeEngine(ptr);
      throw e;
    }
  }

  /** Bytes in use on the heap (dlmalloc's mallinfo().uordblks): the package's own tests. */
  heapInUse() {
    const p = this.x.malloc(64);
    try {
      this.x.mallinfo(p);
      return new Uint32Array(this.refresh().buffer, p, 10)[7];
    } finally {
      this.x.free(p);
    }
  }
}

// ---- engines ---------------------------------------------------------------------------------

const registry =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry(({ inst, ptr }) => {
        try {
          inst.freeEngine(ptr);
        } catch {
          // a trap while freeing: the instance is marked broken, nothing else to do here
        }
      })
    : null;

/**
 * An engine: the built-in JMA and 47 prefectural associations, plus the municipal master and
 * the catalogues it was made with. Immutable; close() frees it (a FinalizationRegistry frees a
 * forgotten one when it is garbage-collected).
 */
let pointerOf; // Engine's private pointer, for the package's own tests (INTERNAL below)

class Engine {
  #inst;
  #ptr;
  #sample;
  #notices;

  static {
    pointerOf = (engine) => engine.#ptr;
  }

  constructor(inst, ptr, sample, notices) {
    this.#inst = inst;
    this.#ptr = ptr;
    this.#sample = sample;
    this.#notices = Object.freeze(notices);
    if (registry) registry.register(this, { inst, ptr }, this);
  }

  /** The live instance, or an Error saying why there is none. */
  #live() {
    const inst = this.#inst;
    if (!this.#ptr) {
      const e = new Error('mamisguide: the engine is closed');
      e.code = 'closed';
      throw e;
    }
    if (inst.broken) throw inst.trap(inst.broken);
    return inst;
  }

  #lang(lang) {
    return oneOf('lang', lang, this.#inst.langs, 'ja');
  }

  /** The library's version, e.g. "1.0.0" (mg_version). */
  get version() {
    return this.#inst.version;
  }

  /** True when every plan is made on the bundled sample master (no directory was given). */
  get sample() {
    return this.#sample;
  }

  /** What the loaders noticed (read as CP932, columns ignored), in createEngine's lang. */
  get notices() {
    return this.#notices;
  }

  /** False after a trap (then every call throws an Error with code 'internal'), or close(). */
  get usable() {
    return this.#ptr !== 0 && !this.#inst.broken;
  }

  get closed() {
    return this.#ptr === 0;
  }

  /**
   * One request of the JSON contract in, one response out: exactly the bytes mg_plan_json
   * writes. A string gives a string; bytes (Uint8Array, Buffer) give bytes, so that invalid
   * UTF-8 meets the same refusal as in C.
   */
  planJson(request) {
    const inst = this.#live();
    let asBytes;
    if (typeof request === 'string') asBytes = false;
    else if (request instanceof Uint8Array) asBytes = true;
    else throw typeError('request', 'a string or a Uint8Array (a Buffer is one)', request);
    const n = this.#respond(inst, request);
    return asBytes ? inst.answer(inst.resPtr, n) : inst.read(inst.resPtr, n, false);
  }

  /**
   * planJson into bytes of the caller's, reused from call to call (as TextEncoder.encodeInto):
   * the response's length in bytes, or, when `out` is too small, minus the length it needs
   * (nothing written). Nothing is allocated per call.
   */
  planJsonInto(request, out) {
    const inst = this.#live();
    if (typeof request !== 'string' && !(request instanceof Uint8Array))
      throw typeError('request', 'a string or a Uint8Array (a Buffer is one)', request);
    if (!(out instanceof Uint8Array)) throw typeError('out', 'a Uint8Array', out);
    const n = this.#respond(inst, request);
    if (n > out.length) return -n;
    if (inst.node) inst.node.copy(out, 0, inst.resPtr, inst.resPtr + n);
    else out.set(inst.u8.subarray(inst.resPtr, inst.resPtr + n));
    return n;
  }

  /** mg_plan_json_to: the response into the response block; returns its length. */
  #respond(inst, request) {
    const len = inst.put(request);
    let status;
    try {
      // mg_plan_json's bytes, written into the reused response block (mg_plan_json_to), so
      // that nothing is allocated, scanned or freed in the engine per request.
      status = inst.x.mg_plan_json_to(this.#ptr, inst.inPtr, len, inst.resPtr, inst.resCap, inst.out);
      if (status === MG_ERR_BUFFER) {
        inst.growResult(inst.outPointer());
        status = inst.x.mg_plan_json_to(this.#ptr, inst.inPtr, len, inst.resPtr, inst.resCap, inst.out);
      }
    } catch (e) {
      throw inst.trap(e);
    }
    if (len > SCRATCH_KEEP) inst.shrink();
    if (status < 0) throw inst.statusError(status);
    return inst.outPointer();
  }

  /** planJson for an object: the response parsed ({ok: true, …} or {ok: false, error}). */
  plan(request) {
    if (request === null || typeof request !== 'object' || Array.isArray(request))
      throw typeError('request', 'an object (the JSON contract\'s request)', request);
    let text;
    try {
      text = JSON.stringify(request);
    } catch (e) {
      const t = typeError('request', 'an object that JSON.stringify can write', request);
      t.cause = e;
      throw t;
    }
    return JSON.parse(this.planJson(text));
  }

  /** JSON Lines in, JSON Lines out: what `mamisguide batch` writes (mg_batch_json). */
  batch(jsonLines) {
    const inst = this.#live();
    bytesOrString('jsonLines', jsonLines);
    const len = inst.put(jsonLines);
    try {
      return inst.call(inst.x.mg_batch_json, [this.#ptr, inst.inPtr, len],
        jsonLines instanceof Uint8Array).text;
    } finally {
      inst.shrink();
    }
  }

  /** The guide as data (mg_guide_json). */
  guide(lang) {
    const inst = this.#live();
    return inst.json(inst.x.mg_guide_json, [this.#lang(lang)]).value;
  }

  /** The web guide's own words and the level names (mg_web_texts_json). */
  webTexts(lang) {
    const inst = this.#live();
    return inst.json(inst.x.mg_web_texts_json, [this.#lang(lang)]).value;
  }

  #levels(param, value) {
    if (value === undefined || value === null) return 0;
    if (!Array.isArray(value)) throw typeError(param, 'an array of level names', value);
    let bits = 0;
    for (const v of value) bits |= oneOf(param + '[]', v, this.#inst.levels);
    return bits;
  }

  /**
   * The category questions of a guide leaf (mg_guide_categories_json): {ok: true, categories}
   * or the contract's refusal ({ok: false, error}).
   */
  guideCategories({ leaf, member, memberLevels, municipal, levels, lang } = {}) {
    const inst = this.#live();
    if (typeof leaf !== 'string') throw typeError('leaf', 'a string', leaf);
    const args = [
      optionalString('member', member),
      this.#levels('memberLevels', memberLevels),
      optionalString('municipal', municipal),
      this.#levels('levels', levels),
      this.#lang(lang),
    ];
    const ptrs = [inst.alloc(leaf), inst.alloc(args[0]), inst.alloc(args[2])];
    try {
      return inst.json(inst.x.mg_guide_categories_json,
        [this.#ptr, ptrs[0], ptrs[1], args[1], ptrs[2], args[3], args[4]]).value;
    } finally {
      for (const p of ptrs) if (p) inst.x.free(p);
    }
  }

  /** Associations matching a search, in directory order (mg_directory_json). */
  directory({ text, prefecture, code, lang } = {}) {
    const inst = this.#live();
    const strings = [
      optionalString('text', text),
      optionalString('prefecture', prefecture),
      optionalString('code', code),
    ];
    const l = this.#lang(lang);
    const ptrs = strings.map((s) => inst.alloc(s));
    try {
      return inst.json(inst.x.mg_directory_json, [this.#ptr, ...ptrs, l]).value;
    } finally {
      for (const p of ptrs) if (p) inst.x.free(p);
    }
  }

  /** One association by its code (mg_association_json), or null when no association has it. */
  association(code, lang) {
    const inst = this.#live();
    if (typeof code !== 'string') throw typeError('code', 'a string', code);
    const l = this.#lang(lang);
    const p = inst.alloc(code);
    try {
      const { status, text } = inst.call(inst.x.mg_association_json, [this.#ptr, p, l]);
      if (status === MG_UNKNOWN_ASSOCIATION) return null;
      if (status !== 0) throw inst.statusError(status);
      return JSON.parse(text);
    } catch (e) {
      if (e && e.status === MG_UNKNOWN_ASSOCIATION) return null;
      throw e;
    } finally {
      inst.x.free(p);
    }
  }

  /** STEP 1 for a MyPage answer ('yes', 'no', 'unknown'): the prerequisite, or null for yes. */
  mypageStep(mypage, lang) {
    const inst = this.#live();
    if (mypage === undefined) throw typeError('mypage', "'yes', 'no' or 'unknown'", mypage);
    const m = oneOf('mypage', mypage, inst.mypages);
    return inst.json(inst.x.mg_mypage_step_json, [m, this.#lang(lang)]).value;
  }

  /** A year's national holidays, 2000–2099 (mg_holidays_json); a RangeError outside them. */
  holidays(year, lang) {
    const inst = this.#live();
    if (!Number.isInteger(year)) throw typeError('year', 'an integer', year);
    const y = Math.max(-0x80000000, Math.min(0x7fffffff, year)); // an int; the library says
    return inst.json(inst.x.mg_holidays_json, [y, this.#lang(lang)]).value;
  }

  /**
   * The support desk at an instant, in Japan time whatever this computer's time zone:
   * `at` is a Date, an ISO 8601 string with an offset ("2026-12-30T11:00:00+09:00", parsed by
   * the library), or absent for now.
   */
  support(at, lang) {
    const inst = this.#live();
    let seconds;
    if (at === undefined || at === null) {
      seconds = BigInt(Math.floor(Date.now() / 1000));
    } else if (at instanceof Date) {
      const ms = at.getTime();
      if (Number.isNaN(ms)) {
        const e = new RangeError('mamisguide: at is an invalid Date');
        e.code = 'out_of_range';
        throw e;
      }
      seconds = BigInt(Math.floor(ms / 1000));
    } else if (typeof at === 'string') {
      const p = inst.alloc(at);
      let status;
      try {
        status = inst.x.mg_parse_instant(p, inst.out + 8);
      } catch (e) {
        throw inst.trap(e);
      } finally {
        inst.x.free(p);
      }
      if (status !== 0) throw inst.statusError(status);
      inst.refresh();
      seconds = new BigInt64Array(inst.buffer, inst.out + 8, 1)[0];
    } else {
      throw typeError('at', 'a Date, an ISO 8601 string or undefined', at);
    }
    return inst.json(inst.x.mg_support_json, [this.#ptr, seconds, this.#lang(lang)]).value;
  }

  /** Frees the engine (mg_engine_free). Idempotent; every other call then throws 'closed'. */
  close() {
    const ptr = this.#ptr;
    if (!ptr) return;
    this.#ptr = 0;
    if (registry) registry.unregister(this);
    this.#inst.freeEngine(ptr);
  }
}

/**
 * Makes an engine. `directory` and `categories` are a master and catalogues as the native
 * loaders take them (CSV or JSON; UTF-8 or CP932 as `encoding` says: 'auto', 'utf-8', 'cp932'),
 * as a string, as bytes or as a Blob (a File: read only after the library's first checks on its
 * size and its beginning, so that a 200 MB file or a picture is refused unread); with no
 * directory, the bundled sample master (every plan then says so in a note). `directoryName` and
 * `categoriesName` are what refusals and notices call the data (a File's own name by default,
 * else "<buffer>"). A refused file rejects with an Error whose `detail` is the library's refusal
 * (mg_last_load_error_json, in `lang`).
 */
export async function createEngine(options) {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options))
    throw typeError('options', 'an object', options);
  let { directory = null, categories = null } = options;
  const { encoding, lang } = options;
  if (directory !== null) fileData('directory', directory);
  if (categories !== null) fileData('categories', categories);
  const nameOf = (param, given, data) => {
    const n = optionalString(param, given);
    if (n !== null) return n;
    return isBlob(data) && typeof data.name === 'string' && data.name ? data.name : null;
  };
  const names = [nameOf('directoryName', options.directoryName, directory),
    nameOf('categoriesName', options.categoriesName, categories)];
  const encodingNames = new Map(Object.entries(ENCODINGS));
  const enc = oneOf('encoding', encoding, encodingNames, 'auto');
  const inst = await instance();
  const l = oneOf('lang', lang, inst.langs, 'ja');
  if (isBlob(directory)) directory = await inst.readChecked(directory, names[0], l);
  if (isBlob(categories)) categories = await inst.readChecked(categories, names[1], l);
  if (inst.broken) throw inst.trap(inst.broken); // a trap elsewhere while the files were read
  return inst.newEngine(directory, categories, enc, l, names);
}

// For the package's own tests (js/test/): the shared instance, to measure its heap and to break
// it on purpose. Not part of the API.
Object.defineProperty(createEngine, INTERNAL, {
  value: Object.freeze({
    instance,
    pointer: (engine) => pointerOf(engine),
  }),
});

