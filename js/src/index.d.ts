// SPDX-FileCopyrightText: 2026 The mamisguide authors
// SPDX-License-Identifier: Apache-2.0
// The types of the npm package `mamisguide`: the C ABI compiled to WebAssembly. Every answer is
// the library's own JSON (the shapes of ../shared/spec/contract.md and of the mg_*_json functions
// of capi/mamisguide.h), parsed; the types below name the fields the library promises and
// allow the extra ones it may add.

export type Lang = 'ja' | 'en';
export type Encoding = 'auto' | 'utf-8' | 'cp932';
export type Level = 'municipal' | 'prefectural' | 'national';
export type MyPage = 'yes' | 'no' | 'unknown';
export type Operation =
  | 'join'
  | 'additional_join'
  | 'change_category'
  | 'change_facility'
  | 'transfer'
  | 'withdraw';
/**
 * A master or a catalogue: text, its bytes (UTF-8, or CP932 as Excel saves CSV in Japan), or a
 * Blob (a File from an `<input type="file">`), read only after the library's first checks on its
 * size and its beginning (a 200 MB file or a picture is refused unread).
 */
export type FileContent = string | Uint8Array | BlobLike;

/** What the package reads of a Blob or a File (declared here, so that no DOM types are needed). */
export interface BlobLike {
  readonly size: number;
  /** A File's name: what refusals and notices call it. */
  readonly name?: string;
  slice(start?: number, end?: number): BlobLike;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface EngineOptions {
  /** The municipal master, CSV or JSON; absent or null: the bundled sample master. */
  directory?: FileContent | null;
  /** Category catalogues, CSV (association,code,label). */
  categories?: FileContent | null;
  /** What refusals and notices call the master (default: a File's name, else "<buffer>"). */
  directoryName?: string | null;
  /** What refusals and notices call the catalogues (default: a File's name, else "<buffer>"). */
  categoriesName?: string | null;
  /** How bytes are read (default 'auto': UTF-8 when valid, else CP932). */
  encoding?: Encoding;
  /** The language of a refused file's message and of the notices (default 'ja'). */
  lang?: Lang;
}

// ---- the JSON contract ------------------------------------------------------------------------

export interface Member {
  mypage?: MyPage;
  municipal?: string | null;
  prefectural?: string | null;
  levels?: Level[];
  categories?: Partial<Record<Level, string>>;
}

export interface RequestBody {
  operation: Operation;
  levels?: Level[];
  municipal?: string | null;
  categories?: Partial<Record<Level, string>>;
  reason?: string | null;
  cascade?: boolean;
  proxy?: boolean;
}

/** One request of the contract. Unknown fields are refused (invalid_request). */
export interface PlanRequest {
  member?: Member;
  request: RequestBody;
  lang?: Lang;
}

export interface AssociationRef {
  level: Level;
  code: string;
  name: string;
  [extra: string]: unknown;
}

export interface Prerequisite {
  kind: 'user_registration' | 'mypage_check';
  steps: string[];
  manual: string;
  [extra: string]: unknown;
}

export interface Note {
  kind: string;
  text: string;
  levels: Level[];
  association?: string;
  [extra: string]: unknown;
}

export interface PlanResponse {
  ok: true;
  operation: Operation;
  form: 'admission' | 'transfer' | 'withdrawal';
  form_label: string;
  selection: 'new' | 'additional' | 'category_change' | 'association_transfer' | null;
  checked: AssociationRef[];
  categories: Partial<Record<Level, string>>;
  prerequisites: Prerequisite[];
  steps: string[];
  manual: string;
  actor: 'member' | 'secretariat';
  result: { municipal: string | null; prefectural: string | null; levels: Level[]; [extra: string]: unknown };
  notes: Note[];
  rule: string;
  /** In a batch: the 1-based input line. */
  line?: number;
  [extra: string]: unknown;
}

export interface RefusalResponse {
  ok: false;
  error: {
    /** One of rules.md §7's codes: invalid_request, unknown_association, illegal_levels, … */
    code: string;
    message: string;
    field?: string;
    suggestion?: RequestBody;
    [extra: string]: unknown;
  };
  line?: number;
  [extra: string]: unknown;
}

export type PlanAnswer = PlanResponse | RefusalResponse;

// ---- the other answers ---------------------------------------------------------------------------

export interface Association {
  code: string;
  level: Level;
  name: string;
  name_en: string | null;
  parent: string | null;
  categories: unknown[] | null;
  [extra: string]: unknown;
}

export interface Holiday {
  date: string;
  name: string;
  name_en: string;
  weekday: string;
  [extra: string]: unknown;
}

export interface SupportStatus {
  at: string;
  open: boolean;
  reason: 'open' | 'after_hours' | 'weekend' | 'holiday' | 'year_end';
  holiday: string | null;
  holiday_en: string | null;
  next_open: string;
  phone: string;
  mail: string;
  status_label: string;
  reason_label: string;
  name: string;
  hours: string;
  [extra: string]: unknown;
}

/** The refusal of a master or catalogue (mg_last_load_error_json). */
export interface LoadErrorResponse {
  ok: false;
  error: {
    code: 'load_error';
    kind: string;
    message: string;
    source: string;
    line: number | null;
    detail: string | null;
    [extra: string]: unknown;
  };
}

/**
 * What the package throws. `code` is the C ABI's status name ('out_of_memory', 'out_of_range',
 * 'parse_error', 'load_error', 'argument_error', …), 'type_error' for a TypeError, 'closed' on a
 * closed engine, or 'internal' after a trap (the engine is then unusable: make a new one).
 * MG_ERR_NOMEM and out_of_range are RangeErrors, a wrong type a TypeError naming the parameter.
 */
export interface MamisguideError extends Error {
  code: string;
  status?: number;
  /** createEngine's refusal of a file: exactly mg_last_load_error_json's object. */
  detail?: LoadErrorResponse;
}

export interface DirectoryQuery {
  /** Part of a code or a name. */
  text?: string | null;
  /** A JIS code (with or without its leading zero) or a prefecture's name. */
  prefecture?: string | null;
  /** Exactly this code. */
  code?: string | null;
  lang?: Lang;
}

export interface GuideCategoriesQuery {
  /** The guide leaf's id, e.g. "join.national". */
  leaf: string;
  /** The member's municipal association, and the levels held. */
  member?: string | null;
  memberLevels?: Level[];
  /** The association joined or entered. */
  municipal?: string | null;
  /** change_category: the held levels that change. */
  levels?: Level[];
  lang?: Lang;
}

export interface Engine {
  /** The library's version (mg_version), e.g. "1.0.0". */
  readonly version: string;
  /** True when plans are made on the bundled sample master (each plan says so in a note). */
  readonly sample: boolean;
  /** What the loaders noticed: read as CP932, columns ignored. */
  readonly notices: readonly string[];
  /** False once closed, or after a trap. */
  readonly usable: boolean;
  readonly closed: boolean;

  /**
   * Exactly the bytes mg_plan_json writes: a string for a string, bytes for bytes (a Buffer in
   * Node). The bytes stay yours whatever calls follow; they are a view of a block shared by many
   * answers (its `.buffer`): use `byteOffset` and `length` with it.
   */
  planJson(request: string): string;
  planJson(request: Uint8Array): Uint8Array;
  /**
   * planJson into bytes of your own, reused from call to call (as TextEncoder.encodeInto): the
   * response's length, or minus the length needed when `out` is too small (nothing written).
   */
  planJsonInto(request: string | Uint8Array, out: Uint8Array): number;
  /** The response, parsed. */
  plan(request: PlanRequest | Record<string, unknown>): PlanAnswer;
  /** JSON Lines in, JSON Lines out, as `mamisguide batch` writes them. */
  batch(jsonLines: string): string;
  batch(jsonLines: Uint8Array): Uint8Array;

  /** The guide as data: STEP 1 → STEP 2 → questions → leaves. */
  guide(lang?: Lang): { root: string; nodes: unknown[]; [extra: string]: unknown };
  /** The web guide's own words and the level names. */
  webTexts(lang?: Lang): { lang: Lang; texts: Record<string, string>; levels: Record<Level, string> };
  /** The category questions of a guide leaf, or the contract's refusal. */
  guideCategories(query: GuideCategoriesQuery): { ok: true; categories: unknown[] } | RefusalResponse;
  directory(query?: DirectoryQuery): Association[];
  /** null when no association has the code. */
  association(code: string, lang?: Lang): Association | null;
  /** STEP 1: null for 'yes'. */
  mypageStep(mypage: MyPage, lang?: Lang): Prerequisite | null;
  /** 2000–2099; a RangeError (out_of_range) outside. */
  holidays(year: number, lang?: Lang): Holiday[];
  /** The desk in Japan time: at a Date, an ISO 8601 string with an offset, or now. */
  support(at?: Date | string | null, lang?: Lang): SupportStatus;
  /** Frees the engine; idempotent. */
  close(): void;
}

export function createEngine(options?: EngineOptions): Promise<Engine>;
