// An AVDictionary's entries from a plain object learner code passed (avformat_write_header's
// options, e.g. { movflags: "frag_keyframe+empty_moov" }): read once, here, into host-owned
// pairs of bounded strings. The glue (wasm/glue/mux_encode.c) builds the AVDictionary from them.
import { readProperty } from "./boundary.ts";

// Captured before any learner code ran (a learner cannot patch what this module calls).
const ownKeys = Reflect.ownKeys;
const isArray = Array.isArray;
const strIndexOf = String.prototype.indexOf;
const apply = Reflect.apply;

/** Entries taken (the glue's WB_MAX_OPTIONS); more is not a muxer's options. */
export const OPTIONS_MAX = 32;
/** Characters of a key (FFmpeg's option names are short). */
export const OPTION_KEY_MAX = 64;
/** Characters of a value (a movflags list of every flag is under 400). */
export const OPTION_VALUE_MAX = 1024;

export type DictionaryRead = { ok: true; entries: [string, string][] } | { ok: false; why: string };

function plainString(v: unknown, max: number): boolean {
  return typeof v === "string" && v.length > 0 && v.length <= max && apply(strIndexOf, v, ["\0"]) < 0;
}

/** null/undefined: no options. Otherwise an object whose own keys and values are all strings. */
export function readDictionary(o: unknown): DictionaryRead {
  if (o === null || o === undefined) return { ok: true, entries: [] };
  if (typeof o !== "object" || isArray(o))
    return { ok: false, why: "must be a plain object of strings or null" };
  let keys: (string | symbol)[];
  try {
    keys = ownKeys(o);
  } catch {
    return { ok: false, why: "listing its keys threw" };
  }
  if (!isArray(keys) || keys.length > OPTIONS_MAX)
    return { ok: false, why: `has more than ${OPTIONS_MAX} keys` };
  const entries: [string, string][] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!plainString(key, OPTION_KEY_MAX))
      return { ok: false, why: `keys must be strings of 1 to ${OPTION_KEY_MAX} characters without NUL` };
    const k = key as string;
    const r = readProperty(o, k);
    if (!r.ok) return { ok: false, why: `reading "${k}" threw` };
    if (!plainString(r.value, OPTION_VALUE_MAX))
      return { ok: false, why: `"${k}" must be a string of 1 to ${OPTION_VALUE_MAX} characters without NUL` };
    entries.push([k, r.value as string]);
  }
  return { ok: true, entries };
}
