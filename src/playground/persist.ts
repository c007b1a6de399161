// Never lose the learner's work: autosave per playground, one step of undo for
// reset / show solution / open-from-link, and code carried in a share link.
/** Where saved code lives (the page passes localStorage; access can throw when blocked). */
export type StorageLike = Pick<Storage, "getItem" | "setItem">;

const PREFIX = "avio-workbook:playground:";

/**
 * The most code, in UTF-8 bytes, a share link may carry and an edit may save. The longest
 * solution is a few KiB, so 256 KiB is far beyond any real learner's work, while a link that
 * inflates past it (deflate expands up to ~1,000 times: a 130 kB link can be a 100 MB document)
 * is refused before it costs the page its memory, and one huge paste cannot fill localStorage
 * (about 5 MB per site, shared by every playground's saved work).
 */
export const MAX_CODE_BYTES = 256 * 1024;

/** One playground's saved state: the code now and the code one step back. */
export class CodeStore {
  private readonly key: string;
  private readonly storage: StorageLike | undefined;

  /** `id` is "<lesson-or-exercise>/<playground-id>": shared by all languages of the page. */
  constructor(storage: StorageLike | undefined, id: string) {
    this.storage = storage;
    this.key = PREFIX + id;
  }

  private get(suffix: string): string | null {
    try {
      return this.storage?.getItem(this.key + suffix) ?? null;
    } catch {
      return null;
    }
  }

  private set(suffix: string, value: string): void {
    try {
      this.storage?.setItem(this.key + suffix, value);
    } catch {
      /* storage full or blocked: the editor still holds the code */
    }
  }

  /** Saved code, or null if the learner never edited this playground. */
  saved(): string | null {
    return this.get(":code");
  }

  /** Saves `code`; false (nothing saved, the last saved code kept) when it is over MAX_CODE_BYTES. */
  save(code: string): boolean {
    if (!fitsCap(code)) return false;
    this.set(":code", code);
    return true;
  }

  /** The code before the last reset / solution / link, if any. */
  previous(): string | null {
    return this.get(":previous");
  }

  /** Replaces the code with `next`, keeping `current` one step back. */
  replace(current: string, next: string): void {
    if (fitsCap(current)) this.set(":previous", current);
    this.save(next);
  }

  /** Swaps current and previous: undo, and undo of the undo. Returns the restored code. */
  undo(current: string): string | null {
    const prev = this.previous();
    if (prev === null) return null;
    if (fitsCap(current)) this.set(":previous", current);
    this.save(prev);
    return prev;
  }
}

/** Whether `code` is at most MAX_CODE_BYTES in UTF-8 (a UTF-16 unit is at most 3 bytes). */
function fitsCap(code: string): boolean {
  if (code.length * 3 <= MAX_CODE_BYTES) return true;
  return code.length <= MAX_CODE_BYTES && new TextEncoder().encode(code).length <= MAX_CODE_BYTES;
}

// Share links: #code/<playground-id>/<base64url(deflate-raw(code))>, like the TypeScript playground.

function toBase64Url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(s: string): Uint8Array<ArrayBuffer> {
  const b = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(b, (c) => c.charCodeAt(0));
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const out = new Response(
    new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw")),
  );
  return new Uint8Array(await out.arrayBuffer());
}

/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most ~1,032 times, so one
 * step never produces more than about 1 MiB before the reader below can count it and stop.
 */
const INFLATE_STEP = 1024;

/** What inflating a link found: its bytes, or that it is over the cap and how far reading got. */
export type Inflated =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly inputRead: number; readonly outputRead: number };

/**
 * Inflates deflate-raw `packed`, at most `limit` bytes of it: the compressed bytes go in a step
 * at a time and the output is counted as it is read, so a link that inflates past `limit` is
 * refused after reading only a little past it (never inflated whole and then measured).
 * Throws on damaged data.
 */
export async function inflateCapped(packed: Uint8Array<ArrayBuffer>, limit: number): Promise<Inflated> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let inputRead = 0;
  // Each write resolves only once the reader has taken what the step before produced (backpressure).
  const feeding = (async () => {
    for (let at = 0; at < packed.length; at += INFLATE_STEP) {
      const step = packed.subarray(at, at + INFLATE_STEP);
      await writer.write(step);
      inputRead = at + step.length;
    }
    await writer.close();
  })();
  feeding.catch(() => {}); // its failure is seen by the reader (damaged data) or caused by cancel
  const parts: Uint8Array[] = [];
  let outputRead = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    outputRead += value.length;
    if (outputRead > limit) {
      await reader.cancel().catch(() => {});
      return { ok: false, inputRead, outputRead };
    }
    parts.push(value);
  }
  await feeding;
  const bytes = new Uint8Array(outputRead);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { ok: true, bytes };
}

export async function encodeShare(playgroundId: string, code: string): Promise<string> {
  const packed = await deflate(new TextEncoder().encode(code));
  return `#code/${encodeURIComponent(playgroundId)}/${toBase64Url(packed)}`;
}

const SHARE = /^#code\/([^/]+)\/([A-Za-z0-9_-]+)$/;

/** The playground id a share hash is for, or null when the hash is not a share link. */
export function decodeShareTarget(hash: string): string | null {
  const m = SHARE.exec(hash);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
}

/**
 * The longest link text worth inflating: base64 of MAX_CODE_BYTES stored uncompressed, with room
 * for deflate's block headers. A longer one is over the cap whatever it holds.
 */
const MAX_LINK_CHARS = Math.ceil((MAX_CODE_BYTES * 4) / 3) + 1024;

/** What a share hash holds for a playground: its code, or why the page cannot open it. */
export type Shared = { readonly code: string } | { readonly refused: "too-large" | "damaged" };

/**
 * What a share hash carries for this playground, or null when it is not a share link for it.
 * A link whose code is over MAX_CODE_BYTES is refused without inflating it all.
 */
export async function decodeShare(hash: string, playgroundId: string): Promise<Shared | null> {
  const m = SHARE.exec(hash);
  if (!m || decodeShareTarget(hash) !== playgroundId) return null;
  if (m[2]!.length > MAX_LINK_CHARS) return { refused: "too-large" };
  try {
    const inflated = await inflateCapped(fromBase64Url(m[2]!), MAX_CODE_BYTES);
    if (!inflated.ok) return { refused: "too-large" };
    return { code: new TextDecoder().decode(inflated.bytes) };
  } catch {
    return { refused: "damaged" };
  }
}
