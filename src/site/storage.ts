/** The part of Web Storage the site uses; access can throw (blocked storage), so callers guard. */
export type StorageLike = Pick<Storage, "getItem" | "setItem">;

/** `localStorage`, or undefined where it is missing or blocked. */
export function browserStorage(): StorageLike | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
