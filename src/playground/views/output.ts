// Output view (mux mode): the bytes write_packet collected, as a hex dump with
// the WAV or FLAC header fields (MP4: the top-level boxes) spelled out, plus download and playback.
import type { RunResult } from "../protocol.ts";
import { h, clearView, onClear, region, scrollBox } from "./dom.ts";
import { formatInt } from "./format.ts";
import type { ViewStrings } from "../../i18n/index.ts";
import "./output.css";

export type OutputData = NonNullable<RunResult["output"]>;

/** The header fields the output view labels (their labels: the catalogue, src/i18n/en/views.ts and zh-cn/views.ts). */
export type HeaderFieldKey = keyof ViewStrings["output"]["field"];

export interface HeaderField {
  key: HeaderFieldKey;
  /** Byte offsets of the field, end exclusive (FLAC packs several fields into shared bytes). */
  start: number;
  end: number;
  value: number | string;
  /** A placeholder the muxer writes first and fills in at the end, if it can seek back. */
  unknown?: boolean;
}

export interface WavHeader {
  /** null: 0xFFFFFFFF, never filled in. */
  riffSize: number | null;
  format?: { audioFormat: number; channels: number; sampleRate: number; bitsPerSample: number };
  data?: { offset: number; size: number | null };
  fields: HeaderField[];
}

const UNKNOWN_32 = 0xffffffff;

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));

const AUDIO_FORMATS: Record<number, string> = { 1: "PCM", 3: "IEEE float", 65534: "WAVE_FORMAT_EXTENSIBLE" };

/** Walks RIFF/WAVE chunks up to the data chunk, within the bytes given. null if not a WAV. */
export function parseWav(bytes: Uint8Array): WavHeader | null {
  if (bytes.length < 12 || ascii(bytes, 0, 4) !== "RIFF" || ascii(bytes, 8, 4) !== "WAVE") return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const riffSize = view.getUint32(4, true);
  const header: WavHeader = {
    riffSize: riffSize === UNKNOWN_32 ? null : riffSize,
    fields: [
      { key: "riff", start: 0, end: 4, value: "RIFF" },
      { key: "riffSize", start: 4, end: 8, value: riffSize, unknown: riffSize === UNKNOWN_32 },
      { key: "wave", start: 8, end: 12, value: "WAVE" },
    ],
  };
  const { fields } = header;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = ascii(bytes, at, 4);
    const size = view.getUint32(at + 4, true);
    fields.push({ key: "chunkId", start: at, end: at + 4, value: id });
    if (id === "data") {
      fields.push({ key: "dataSize", start: at + 4, end: at + 8, value: size, unknown: size === UNKNOWN_32 });
      header.data = { offset: at + 8, size: size === UNKNOWN_32 ? null : size };
      break;
    }
    fields.push({ key: "chunkSize", start: at + 4, end: at + 8, value: size });
    if (id === "fmt " && size >= 16 && at + 24 <= bytes.length) {
      const f = at + 8;
      const audioFormat = view.getUint16(f, true);
      header.format = {
        audioFormat,
        channels: view.getUint16(f + 2, true),
        sampleRate: view.getUint32(f + 4, true),
        bitsPerSample: view.getUint16(f + 14, true),
      };
      const name = AUDIO_FORMATS[audioFormat];
      fields.push(
        { key: "audioFormat", start: f, end: f + 2, value: name ? `${audioFormat} (${name})` : audioFormat },
        { key: "channels", start: f + 2, end: f + 4, value: header.format.channels },
        { key: "sampleRate", start: f + 4, end: f + 8, value: header.format.sampleRate },
        { key: "byteRate", start: f + 8, end: f + 12, value: view.getUint32(f + 8, true) },
        { key: "blockAlign", start: f + 12, end: f + 14, value: view.getUint16(f + 12, true) },
        { key: "bitsPerSample", start: f + 14, end: f + 16, value: header.format.bitsPerSample },
      );
    }
    at += 8 + size + (size & 1); // chunks are padded to an even size; 0xFFFFFFFF ends the walk
  }
  return header;
}

export interface FlacHeader {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** null: 0, which STREAMINFO uses for "unknown". */
  totalSamples: number | null;
  fields: HeaderField[];
}

/** Reads the STREAMINFO block that must follow "fLaC". null if not a FLAC stream. */
export function parseFlac(bytes: Uint8Array): FlacHeader | null {
  if (bytes.length < 42 || ascii(bytes, 0, 4) !== "fLaC") return null;
  const b = bytes;
  const type = b[4]! & 0x7f;
  const length = (b[5]! << 16) | (b[6]! << 8) | b[7]!;
  if (type !== 0 || length < 34) return null;
  const u16 = (at: number) => (b[at]! << 8) | b[at + 1]!;
  const u24 = (at: number) => (b[at]! << 16) | (b[at + 1]! << 8) | b[at + 2]!;
  // Bytes 18–25 pack sample rate (20 bits), channels − 1 (3), bits per sample − 1 (5), total samples (36).
  const sampleRate = (b[18]! << 12) | (b[19]! << 4) | (b[20]! >> 4);
  const channels = ((b[20]! >> 1) & 0x7) + 1;
  const bitsPerSample = (((b[20]! & 1) << 4) | (b[21]! >> 4)) + 1;
  const totalSamples = (b[21]! & 0xf) * 2 ** 32 + ((b[22]! << 24) >>> 0) + u24(23);
  const md5 = Array.from(b.subarray(26, 42), (x) => x.toString(16).padStart(2, "0")).join("");
  const minFrame = u24(12);
  const maxFrame = u24(15);
  return {
    sampleRate,
    channels,
    bitsPerSample,
    totalSamples: totalSamples === 0 ? null : totalSamples,
    fields: [
      { key: "marker", start: 0, end: 4, value: "fLaC" },
      { key: "blockType", start: 4, end: 5, value: b[4]! & 0x80 ? "STREAMINFO (last)" : "STREAMINFO" },
      { key: "blockLength", start: 5, end: 8, value: length },
      { key: "minBlockSize", start: 8, end: 10, value: u16(8) },
      { key: "maxBlockSize", start: 10, end: 12, value: u16(10) },
      { key: "minFrameSize", start: 12, end: 15, value: minFrame, unknown: minFrame === 0 },
      { key: "maxFrameSize", start: 15, end: 18, value: maxFrame, unknown: maxFrame === 0 },
      { key: "sampleRate", start: 18, end: 21, value: sampleRate },
      { key: "channels", start: 20, end: 21, value: channels },
      { key: "bitsPerSample", start: 20, end: 22, value: bitsPerSample },
      { key: "totalSamples", start: 21, end: 26, value: totalSamples, unknown: totalSamples === 0 },
      { key: "md5", start: 26, end: 42, value: md5, unknown: /^0+$/.test(md5) },
    ],
  };
}

/** Top-level MP4 boxes (ISO/IEC 14496-12: 32-bit size, 4-character type), at most MP4_BOXES. null if not MP4. */
export function parseMp4(bytes: Uint8Array): { fields: HeaderField[] } | null {
  if (bytes.length < 8 || ascii(bytes, 4, 4) !== "ftyp") return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fields: HeaderField[] = [];
  for (let at = 0, n = 0; at + 8 <= bytes.length && n < MP4_BOXES; n++) {
    const size = view.getUint32(at);
    fields.push({ key: "boxSize", start: at, end: at + 4, value: size, unknown: size === 0 });
    fields.push({ key: "boxType", start: at + 4, end: at + 8, value: ascii(bytes, at + 4, 4) });
    if (size < 8) break; // 0: "to the end of the file"; 1: a 64-bit size follows (not written for these sizes)
    at += size;
  }
  return { fields };
}
const MP4_BOXES = 24;

/** Whether the bytes begin with the format's magic though no header could be read (cut short). */
export function startsLike(output: OutputData): boolean {
  const b = output.bytes;
  if (output.format === "wav") return b.length >= 4 && ascii(b, 0, 4) === "RIFF";
  if (output.format === "flac") return b.length >= 4 && ascii(b, 0, 4) === "fLaC";
  return b.length >= 8 && ascii(b, 4, 4) === "ftyp";
}

export function headerFields(output: OutputData): HeaderField[] | null {
  const parse = output.format === "wav" ? parseWav : output.format === "flac" ? parseFlac : parseMp4;
  return parse(output.bytes)?.fields ?? null;
}

export interface HexRow {
  offset: number;
  /** Each byte with the index of the first header field that covers it, or -1. */
  cells: { byte: number; field: number }[];
  ascii: string;
}

/** The first `count` bytes, 16 to a row, each tagged with its header field. */
export function hexRows(bytes: Uint8Array, count: number, fields: HeaderField[] = []): HexRow[] {
  const rows: HexRow[] = [];
  const n = Math.min(count, bytes.length);
  for (let offset = 0; offset < n; offset += 16) {
    const slice = bytes.subarray(offset, Math.min(n, offset + 16));
    rows.push({
      offset,
      cells: Array.from(slice, (byte, i) => ({
        byte,
        field: fields.findIndex((f) => offset + i >= f.start && offset + i < f.end),
      })),
      ascii: Array.from(slice, (c) => (c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : ".")).join(""),
    });
  }
  return rows;
}

const HEX_BYTES = 96;
const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

/** Columns a label takes in a monospace font: CJK characters are two wide. */
const columns = (s: string) => [...s].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);

function fieldValue(f: HeaderField, t: ViewStrings): string {
  if (!f.unknown) return typeof f.value === "number" ? formatInt(f.value, t.locale) : f.value;
  // WAV marks an unfilled size with 0xFFFFFFFF, FLAC with zeros.
  return `${f.value === UNKNOWN_32 ? "0xFFFFFFFF" : "0"} — ${t.output.unknown}`;
}

function hexDump(rows: HexRow[], t: ViewStrings): HTMLElement {
  const label = t.output.hexHead;
  const head = `${label}${" ".repeat(Math.max(1, 10 - columns(label)))}${Array.from({ length: 16 }, (_, i) => hex(i, 2)).join(" ")}  ASCII\n`;
  return h(
    "pre",
    { class: "pg-hex" },
    h("span", { class: "pg-hex__head" }, head),
    rows.flatMap((row) => [
      h("span", { class: "pg-hex__offset" }, hex(row.offset, 8)),
      "  ",
      ...row.cells.flatMap((c, i) => [
        i > 0 ? " " : "",
        h(
          "span",
          { class: c.field < 0 ? undefined : `pg-hex__f--${c.field % 2 ? "b" : "a"}` },
          hex(c.byte, 2),
        ),
      ]),
      " ".repeat(3 * (16 - row.cells.length) + 2),
      h("span", { class: "pg-hex__ascii" }, row.ascii),
      "\n",
    ]),
  );
}

export function renderOutput(container: HTMLElement, output: OutputData, t: ViewStrings): void {
  clearView(container);
  const T = t.output;
  const name = `output.${output.format}`;
  if (output.bytes.length === 0) {
    container.append(region("pg-output-view", T.title, h("p", { class: "pg-muted" }, T.empty)));
    return;
  }
  // mp4 and m4a are both audio/mp4 (RFC 4337).
  const mime = output.format === "wav" || output.format === "flac" ? `audio/${output.format}` : "audio/mp4";
  const url = URL.createObjectURL(new Blob([output.bytes.slice()], { type: mime }));
  onClear(container, () => URL.revokeObjectURL(url));

  const fields = headerFields(output);
  const shown = Math.min(HEX_BYTES, output.bytes.length);
  const fc = T.fieldColumns;
  const table =
    fields === null
      ? h(
          "p",
          { class: "pg-hint" },
          h("span", { class: "pg-icon", "aria-hidden": "true" }, "⚠"),
          " ",
          startsLike(output)
            ? T.cutShort(output.format.toUpperCase(), formatInt(output.bytes.length, t.locale))
            : T.notRecognised(output.format.toUpperCase()),
        )
      : scrollBox(
          T.fields,
          h(
            "table",
            { class: "pg-table pg-fields" },
            h("caption", {}, T.fields),
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", { scope: "col" }, fc.bytes),
                h("th", { scope: "col" }, fc.field),
                h("th", { scope: "col" }, fc.value),
              ),
            ),
            h(
              "tbody",
              {},
              fields.map((f, i) =>
                h(
                  "tr",
                  { class: f.unknown ? "is-warn" : undefined },
                  h(
                    "td",
                    { class: "pg-num" },
                    h("span", {
                      class: `pg-hex__f--${i % 2 ? "b" : "a"} pg-fields__swatch`,
                      "aria-hidden": "true",
                    }),
                    f.end - f.start === 1 ? String(f.start) : `${f.start}–${f.end - 1}`,
                  ),
                  h("th", { scope: "row" }, T.field[f.key]),
                  h(
                    "td",
                    {},
                    f.unknown && h("span", { class: "pg-icon", "aria-hidden": "true" }, "⚠ "),
                    typeof f.value === "string" && !f.unknown
                      ? h("code", {}, fieldValue(f, t))
                      : fieldValue(f, t),
                  ),
                ),
              ),
            ),
          ),
        );

  container.append(
    region(
      "pg-output-view",
      T.title,
      h("p", {}, T.size(name, formatInt(output.bytes.length, t.locale))),
      h(
        "div",
        { class: "pg-output__actions" },
        h("a", { class: "pg-button", href: url, download: name }, T.download(name)),
        h("audio", { controls: true, src: url, preload: "metadata", "aria-label": T.audio(name) }),
      ),
      h(
        "figure",
        { class: "pg-output__hex" },
        h("figcaption", {}, T.hex(formatInt(shown, t.locale))),
        scrollBox(T.hex(formatInt(shown, t.locale)), hexDump(hexRows(output.bytes, shown, fields ?? []), t)),
      ),
      table,
    ),
  );
}
