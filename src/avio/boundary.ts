// The boundary between host code and learner code, in one place to audit. Every call into a
// learner function and every value that comes back goes through here:
// - learner functions are held as LearnerFunction, a type host code cannot call: only callLearner
//   can, and it calls with `this === undefined` (a method call would hand over the host's record);
// - what comes back is read once, with intrinsics captured when this module loaded (before any
//   learner code ran), inside a try: a getter, a Proxy trap or a toPrimitive that throws, loops or
//   answers differently the second time never reaches host logic or unwinds through wasm frames;
// - what comes back as text is bounded (TEXT_MAX), and what comes back as bytes is copied out of a
//   genuine Uint8Array through its internal slots, never through properties learner code can shadow.
// Nothing here formats an object by calling its methods: objects are named by their kind only.

const apply = Reflect.apply;
const ownKeys = Reflect.ownKeys;
const getOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
const getPrototypeOf = Reflect.getPrototypeOf;
const reflectSet = Reflect.set;
const isView = ArrayBuffer.isView;
const isArray = Array.isArray;
const isSafeInteger = Number.isSafeInteger;
const toNumber = Number;
const mathMax = Math.max;
const toStr = String;
const stringify = JSON.stringify;
const strSlice = String.prototype.slice;
const PromisePrototype = Promise.prototype;
const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype) as object;
const typedArrayTag = getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag)!.get!;
const typedArrayLength = getOwnPropertyDescriptor(TypedArrayPrototype, "length")!.get!;
const typedArraySet = (TypedArrayPrototype as Uint8Array).set;
const arrayBufferByteLength = getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength")!.get!;

/** Characters of learner text (a message, a name, a string returned) kept in any diagnostic or report. */
export const TEXT_MAX = 1000;
/** Exports read from a learner module: more is not a submission, it is an attack on the reader. */
export const EXPORTS_MAX = 64;
/**
 * The realm's error prototypes. SES's lockdown (overrideTaming) turns their `name` into an accessor
 * of its own that returns the frozen value: calling a getter found on one of these, once frozen,
 * runs no learner code.
 */
const ERROR_PROTOTYPES = new Set<object>(
  [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError].map(
    (E) => E.prototype,
  ),
);
const isFrozen = Object.isFrozen;
/** Prototype links followed to find an error's `name` (Error subclasses are a few deep). */
const PROTO_DEPTH = 8;

declare const learner: unique symbol;
/**
 * A function learner code handed over. Host code can store and pass it but cannot call it (it has no
 * call signature): only callLearner can, so every call into learner code is in this file.
 */
export type LearnerFunction = { readonly [learner]: true };

/** A place in the learner's module: 1-based line and column of its source (see LEARNER_SOURCE_URL). */
export interface SourcePlace {
  line: number;
  column: number;
}

/**
 * What a call into learner code gave: its return value (unread), or what it threw, as bounded text,
 * with the learner's line it was thrown from when the stack names one.
 */
export type Called = { ok: true; value: unknown } | { ok: false; thrown: string | null; at?: SourcePlace };

/** Keeps a learner function for callLearner; anything that is not a function is null. */
export function learnerFunction(fn: unknown): LearnerFunction | null {
  return typeof fn === "function" ? (fn as unknown as LearnerFunction) : null;
}

/**
 * Calls learner code with `this === undefined`. `thrown` is the exception as text ("TypeError: …"),
 * or null when the value thrown cannot be shown (a revoked Proxy, a message getter that throws).
 */
export function callLearner(fn: LearnerFunction, args: readonly unknown[]): Called {
  try {
    return { ok: true, value: apply(fn as unknown as (...a: unknown[]) => unknown, undefined, args) };
  } catch (e) {
    const at = thrownPlace(e);
    return at ? { ok: false, thrown: describeThrown(e), at } : { ok: false, thrown: describeThrown(e) };
  }
}

/**
 * The name the learner's module is evaluated under (its `//# sourceURL`): stack frames of learner
 * code read `learner.ts:LINE:COLUMN`. The runtime keeps the compiled code's lines those of the source.
 */
export const LEARNER_SOURCE_URL = "learner.ts";
/** Characters of a stack read: the learner's frame is among the first few, and the text is theirs to inflate. */
const STACK_MAX = 4000;
const regExpExec = RegExp.prototype.exec;
const strIndexOf = String.prototype.indexOf;
const FRAME = /learner\.ts:(\d{1,7}):(\d{1,7})/;
/** The engine's own `stack` accessor (V8: on each error, SpiderMonkey: on Error.prototype; JSC has none), captured before learner code ran. */
const stackGetter = ((): ((this: unknown) => unknown) | null => {
  for (let at: object | null = new Error(), depth = 0; at && depth < PROTO_DEPTH; depth++) {
    const d = getOwnPropertyDescriptor(at, "stack");
    if (d) return typeof d.get === "function" ? (d.get as (this: unknown) => unknown) : null;
    at = getPrototypeOf(at);
  }
  return null;
})();

/**
 * JavaScriptCore's stack names no file for evaluated code (its frames read "@"), so no
 * learner.ts frame is found there. Its errors carry own `line` and `column` data properties
 * instead, and a `sourceURL` only when the code came from a script with a URL (the host's): an
 * error without one was made in evaluated code, the learner's module, whose lines are the source's.
 */
function evalCodePlace(e: object): SourcePlace | null {
  const url = getOwnPropertyDescriptor(e, "sourceURL");
  const line = getOwnPropertyDescriptor(e, "line");
  const column = getOwnPropertyDescriptor(e, "column");
  if (url !== undefined || !line || !("value" in line) || !isSafeInteger(line.value)) return null;
  if (line.value < 1 || line.value > 9_999_999) return null;
  const col = column && "value" in column && isSafeInteger(column.value) ? (column.value as number) : 1;
  return { line: line.value as number, column: mathMax(col, 1) };
}

/**
 * Where in the learner's module `e` was thrown: the first frame of its stack in LEARNER_SOURCE_URL.
 * The stack is read without running learner code (a data property, or the engine's own accessor;
 * any other getter is ignored), cut to STACK_MAX, and is only ever trusted for a line number: learner
 * code can write any stack it likes onto its own errors, which misleads no one but itself.
 */
export function thrownPlace(e: unknown): SourcePlace | null {
  try {
    if ((typeof e !== "object" && typeof e !== "function") || e === null) return null;
    let stack: unknown;
    for (let at: object | null = e, depth = 0; at !== null && depth < PROTO_DEPTH; depth++) {
      const d = getOwnPropertyDescriptor(at, "stack");
      if (d) {
        if ("value" in d) stack = d.value;
        else if (stackGetter !== null && d.get === stackGetter) stack = apply(stackGetter, e, []);
        break;
      }
      at = getPrototypeOf(at);
    }
    if (typeof stack !== "string") return evalCodePlace(e);
    let text = stack.length > STACK_MAX ? (apply(strSlice, stack, [0, STACK_MAX]) as string) : stack;
    // The first line is "Name: message" (V8), and a message may itself mention learner.ts:1:1.
    const head = describeThrown(e);
    if (head && (apply(strIndexOf, text, [head]) as number) === 0)
      text = apply(strSlice, text, [head.length]) as string;
    const m = apply(regExpExec, FRAME, [text]) as RegExpExecArray | null;
    if (!m) return evalCodePlace(e);
    const line = toNumber(m[1]);
    const column = toNumber(m[2]);
    return line >= 1 ? { line, column: mathMax(column, 1) } : null;
  } catch {
    return null;
  }
}

/**
 * callLearner for a call the learner itself asked for (decode_audio's on_samples): the exception is
 * kept as it was thrown, unread, so the host can rethrow it to the learner once wasm has returned.
 */
export function callLearnerKeep(
  fn: LearnerFunction,
  args: readonly unknown[],
): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: apply(fn as unknown as (...a: unknown[]) => unknown, undefined, args) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** `s` cut to `max` characters, marked with an ellipsis. */
export function cap(s: string, max = TEXT_MAX): string {
  return s.length > max ? `${apply(strSlice, s, [0, max - 1])}…` : s;
}

/**
 * A value learner code returned, as short text for a message. Primitives are shown as JavaScript writes
 * them (-0 and NaN included); objects only by kind (`{…}`, `[…]`, `Promise`, `Uint8Array(n)`), read
 * without calling any of their code. Language-neutral, so every catalogue can embed it.
 */
export function describeValue(v: unknown): string {
  switch (typeof v) {
    case "string":
      return stringify(cap(v));
    case "number":
      return v === 0 && 1 / v < 0 ? "-0" : toStr(v);
    case "bigint":
      return cap(`${toStr(v)}n`, 40);
    case "symbol":
      return "Symbol()";
    case "function":
      return "function";
    case "undefined":
    case "boolean":
      return toStr(v);
  }
  if (v === null) return "null";
  try {
    if (isView(v)) return `${apply(typedArrayTag, v, []) ?? "DataView"}(${typedArrayLengthOf(v) ?? "?"})`;
    if (isArray(v)) return "[…]";
    const proto = getPrototypeOf(v as object);
    if (proto === PromisePrototype) return "Promise";
    return "{…}";
  } catch {
    return "{?}";
  }
}

function typedArrayLengthOf(v: unknown): number | undefined {
  try {
    return apply(typedArrayLength, v, []) as number;
  } catch {
    return undefined;
  }
}

/** A data property's value found on `o` or its prototypes, without running a getter (Proxy traps may run; callers guard). */
function dataProperty(o: object, key: string): unknown {
  let at: object | null = o;
  for (let depth = 0; at !== null && depth < PROTO_DEPTH; depth++) {
    const d = getOwnPropertyDescriptor(at, key);
    if (d && "value" in d) return d.value;
    if (d) return d.get && ERROR_PROTOTYPES.has(at) && isFrozen(at) ? apply(d.get, o, []) : undefined;
    at = getPrototypeOf(at);
  }
  return undefined;
}

/**
 * What learner code threw, as bounded text: "Name: message" for an error-like object (own or
 * inherited data properties only: a getter is never called), the value for a primitive, null when
 * nothing can be shown.
 */
export function describeThrown(e: unknown): string | null {
  try {
    if ((typeof e !== "object" && typeof e !== "function") || e === null) {
      return typeof e === "string" ? cap(e) : describeValue(e);
    }
    const name = dataProperty(e, "name");
    const message = dataProperty(e, "message");
    const n = typeof name === "string" ? cap(name, 60) : "";
    const m = typeof message === "string" ? cap(message) : "";
    if (n && m) return `${n}: ${m}`;
    if (n || m) return n || m;
    return null;
  } catch {
    return null;
  }
}

/** An integer learner code returned, or why it is not one (`shown`: the value as describeValue writes it). */
export type ReadInteger = { ok: true; n: number } | { ok: false; shown: string };

/**
 * A callback's return value as an integer: a Number that is an integer, or (seek returns int64_t) a
 * BigInt, both within JavaScript's exact range. -0 is 0. Whether it fits C's int is the caller's rule
 * (fitsInt), so a too-large read_packet result can be named as the overflow it is.
 */
export function readInteger(v: unknown, kind: "int" | "int64"): ReadInteger {
  let n: number | undefined;
  if (typeof v === "number" && isSafeInteger(v)) n = v;
  else if (kind === "int64" && typeof v === "bigint") {
    const x = toNumber(v);
    if (isSafeInteger(x)) n = x;
  }
  if (n === undefined) return { ok: false, shown: describeValue(v) };
  return { ok: true, n: n === 0 ? 0 : n };
}

/** Whether n is a value of C's int (what wasm receives for read_packet and write_packet). */
export function fitsInt(n: number): boolean {
  return n >= -(2 ** 31) && n <= 2 ** 31 - 1;
}

/**
 * A copy of the bytes of a genuine Uint8Array learner code holds, read through the intrinsics (its own
 * `length`, `subarray` or `slice` are never consulted). null for anything else, a detached one included.
 */
export function copyBytes(v: unknown): Uint8Array | null {
  return copyTyped(v, "Uint8Array", Uint8Array);
}

/** copyBytes for 16-bit samples (write_audio_samples). */
export function copyInt16(v: unknown): Int16Array | null {
  return copyTyped(v, "Int16Array", Int16Array);
}

function copyTyped<T extends Uint8Array | Int16Array>(
  v: unknown,
  tag: string,
  Make: new (n: number) => T,
): T | null {
  try {
    if (!isView(v) || apply(typedArrayTag, v, []) !== tag) return null;
    const out = new Make(apply(typedArrayLength, v, []) as number);
    apply(typedArraySet, out, [v]);
    return out;
  } catch {
    return null;
  }
}

/** A property of a learner object, read once inside a guard (a getter runs at most once, here). */
export function readProperty(o: unknown, key: string): Called {
  if ((typeof o !== "object" && typeof o !== "function") || o === null) return { ok: true, value: undefined };
  try {
    const d = getOwnPropertyDescriptor(o, key);
    if (!d) return { ok: true, value: dataProperty(o, key) };
    if ("value" in d) return { ok: true, value: d.value };
    return d.get ? callLearner(d.get as unknown as LearnerFunction, []) : { ok: true, value: undefined };
  } catch (e) {
    return { ok: false, thrown: describeThrown(e) };
  }
}

/** Sets a property of an object learner code has held (a setter it defined runs here, guarded). */
export function setProperty(o: unknown, key: string, value: unknown): Called {
  if ((typeof o !== "object" && typeof o !== "function") || o === null) return { ok: true, value: false };
  try {
    return { ok: true, value: reflectSet(o, key, value) };
  } catch (e) {
    return { ok: false, thrown: describeThrown(e) };
  }
}

/**
 * A learner module's exports, read once into a plain object the host owns: at most EXPORTS_MAX
 * string-named properties, each read once (a getter runs once, inside the guard). A Proxy or a
 * throwing getter cannot make a second read answer differently, or crash the reader.
 */
export function snapshotExports(
  exported: unknown,
): { ok: true; exports: Record<string, unknown> } | { ok: false; thrown: string | null } {
  const out: Record<string, unknown> = Object.create(null);
  if ((typeof exported !== "object" && typeof exported !== "function") || exported === null)
    return { ok: true, exports: out };
  try {
    const keys = ownKeys(exported);
    let taken = 0;
    for (let i = 0; i < keys.length && taken < EXPORTS_MAX; i++) {
      const key = keys[i];
      if (typeof key !== "string" || key === "__esModule") continue;
      const r = readProperty(exported, key);
      if (!r.ok) return r;
      out[key] = r.value;
      taken++;
    }
    return { ok: true, exports: out };
  } catch (e) {
    return { ok: false, thrown: describeThrown(e) };
  }
}

/** An ArrayBuffer's size from its internal slot (an own `byteLength` learner code defined is not it); 0 if detached. */
function byteLengthOf(ab: ArrayBuffer): number {
  return apply(arrayBufferByteLength, ab, []) as number;
}

/**
 * Copies the first n bytes of `from` (the ArrayBuffer behind a buf the host made and the learner
 * filled) to heap[ptr…]. False if that cannot be done: the learner detached (transferred) it.
 */
export function copyInto(heap: Uint8Array, ptr: number, from: ArrayBuffer, n: number): boolean {
  try {
    if (byteLengthOf(from) < n) return false;
    apply(typedArraySet, heap, [new Uint8Array(from, 0, n), ptr]);
    return true;
  } catch {
    return false;
  }
}

/** Whether `bytes` (a copy the learner held) still equals heap[ptr…ptr+n); a detached copy does not. */
export function sameBytes(bytes: ArrayBuffer, heap: Uint8Array, ptr: number, n: number): boolean {
  try {
    if (byteLengthOf(bytes) !== n) return false;
    const a = new Uint8Array(bytes);
    for (let i = 0; i < n; i++) if (a[i] !== heap[ptr + i]) return false;
    return true;
  } catch {
    return false;
  }
}
