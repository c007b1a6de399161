// Never lose the learner's work: autosave per playground, one step of undo for
// reset / show solution / open-from-link, and code carried in a share link.
/** Where saved code lives (the page passes localStorage; access can throw when blocked). */
export type StorageLike = Pick<Storage, "getItem" | "setItem">;

const PREFIX = "avio-workbook:playground:";

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

  save(code: string): void {
    this.set(":code", code);
  }

  /** The code before the last reset / solution / link, if any. */
  previous(): string | null {
    return this.get(":previous");
  }

  /** Replaces the code with `next`, keeping `current` one step back. */
  replace(current: string, next: string): void {
    this.set(":previous", current);
    this.save(next);
  }

  /** Swaps current and previous: undo, and undo of the undo. Returns the restored code. */
  undo(current: string): string | null {
    const prev = this.previous();
    if (prev === null) return null;
    this.set(":previous", current);
    this.save(prev);
    return prev;
  }
}

// Share links: #code/<playground-id>/<base64url(deflate-raw(code))>, like the TypeScript playground.

function toBase64Url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(s: string): Uint8Array {
  const b = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(b, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export async function encodeShare(playgroundId: string, code: string): Promise<string> {
  const packed = await pipe(new TextEncoder().encode(code), new CompressionStream("deflate-raw"));
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

/** The code a share hash carries for this playground, or null (wrong playground, or damaged link). */
export async function decodeShare(hash: string, playgroundId: string): Promise<string | null> {
  const m = SHARE.exec(hash);
  if (!m || decodeShareTarget(hash) !== playgroundId) return null;
  try {
    return new TextDecoder().decode(await pipe(fromBase64Url(m[2]), new DecompressionStream("deflate-raw")));
  } catch {
    return null;
  }
}
