// Names for the error codes callbacks and FFmpeg return, as learners write them.
import * as K from "./constants.ts";

const errorNames = new Map<number, string>();
for (const [name, value] of Object.entries(K)) {
  if (name.startsWith("AVERROR_")) errorNames.set(value, name);
  else if (/^E[A-Z]+$/.test(name)) errorNames.set(-value, `AVERROR(${name})`);
}

/** "AVERROR_EOF", "AVERROR(EIO)", or the number itself. */
export function returnName(ret: number | string): string {
  if (typeof ret === "string") return ret;
  return ret < 0 ? (errorNames.get(ret) ?? String(ret)) : String(ret);
}
