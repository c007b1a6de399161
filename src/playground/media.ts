// Built-in sample media for playgrounds: src/media, the same files the exercises and the
// lesson claims run, so what a lesson shows is what the tests check.
import aacAdts from "../media/aac-adts-44k-stereo.aac?url";
import flac from "../media/flac-44k-stereo.flac?url";
import m4aFaststart from "../media/m4a-faststart-44k-mono.m4a?url";
import m4aMoovEnd from "../media/m4a-moov-end-48k-stereo.m4a?url";
import mp3 from "../media/mp3-cbr-44k-stereo.mp3?url";
import mp3Vbr from "../media/mp3-vbr-id3-48k-mono.mp3?url";
import ogg from "../media/ogg-vorbis-44k-stereo.ogg?url";
import opus from "../media/opus-48k-stereo.opus?url";
import wav from "../media/wav-s16-44k-stereo.wav?url";
import wavMono from "../media/wav-s16-22k-mono.wav?url";
import truncated from "../media/truncated-m4a-faststart.m4a?url";
import garbage from "../media/garbage.bin?url";
import type { Locale } from "../i18n/locales.ts";

export interface Sample {
  /** File name of the fixture (also the playground's `media` prop). */
  name: string;
  url: string;
  /** What the sample is good for showing, in a few words, per locale. */
  label: Record<Locale, string>;
}

export const samples: Sample[] = [
  {
    name: "mp3-cbr-44k-stereo.mp3",
    url: mp3,
    label: { en: "MP3, CBR 128 kb/s, 44.1 kHz stereo", "zh-cn": "MP3，CBR 128 kb/s，44.1 kHz 立体声" },
  },
  {
    name: "mp3-vbr-id3-48k-mono.mp3",
    url: mp3Vbr,
    label: { en: "MP3, VBR with ID3v2 tag, 48 kHz mono", "zh-cn": "MP3，VBR，带 ID3v2 标签，48 kHz 单声道" },
  },
  {
    name: "aac-adts-44k-stereo.aac",
    url: aacAdts,
    label: {
      en: "AAC in ADTS (streamable), 44.1 kHz stereo",
      "zh-cn": "ADTS 封装的 AAC（可流式读取），44.1 kHz 立体声",
    },
  },
  {
    name: "m4a-moov-end-48k-stereo.m4a",
    url: m4aMoovEnd,
    label: { en: "M4A, moov atom at the end (needs seek)", "zh-cn": "M4A，moov 在文件末尾（需要 seek）" },
  },
  {
    name: "m4a-faststart-44k-mono.m4a",
    url: m4aFaststart,
    label: { en: "M4A, +faststart (moov first)", "zh-cn": "M4A，+faststart（moov 在前）" },
  },
  {
    name: "flac-44k-stereo.flac",
    url: flac,
    label: { en: "FLAC, 44.1 kHz stereo", "zh-cn": "FLAC，44.1 kHz 立体声" },
  },
  {
    name: "ogg-vorbis-44k-stereo.ogg",
    url: ogg,
    label: { en: "Ogg Vorbis, 44.1 kHz stereo", "zh-cn": "Ogg Vorbis，44.1 kHz 立体声" },
  },
  {
    name: "opus-48k-stereo.opus",
    url: opus,
    label: { en: "Ogg Opus, 48 kHz stereo", "zh-cn": "Ogg Opus，48 kHz 立体声" },
  },
  {
    name: "wav-s16-44k-stereo.wav",
    url: wav,
    label: { en: "WAV, 16-bit PCM, 44.1 kHz stereo", "zh-cn": "WAV，16 位 PCM，44.1 kHz 立体声" },
  },
  {
    name: "wav-s16-22k-mono.wav",
    url: wavMono,
    label: { en: "WAV, 16-bit PCM, 22.05 kHz mono", "zh-cn": "WAV，16 位 PCM，22.05 kHz 单声道" },
  },
  {
    name: "truncated-m4a-faststart.m4a",
    url: truncated,
    label: { en: "M4A cut off at 40% (broken)", "zh-cn": "M4A，在 40% 处截断（已损坏）" },
  },
  {
    name: "garbage.bin",
    url: garbage,
    label: { en: "Random bytes (not media)", "zh-cn": "随机字节（不是媒体文件）" },
  },
];

export function sampleByName(name: string): Sample | undefined {
  return samples.find((s) => s.name === name);
}

const cache = new Map<string, Promise<ArrayBuffer>>();

/** The sample's bytes (fetched once per page). Each call returns a fresh copy the caller may transfer. */
export async function sampleBytes(name: string): Promise<ArrayBuffer> {
  const s = sampleByName(name);
  if (!s) throw new Error(`Unknown sample "${name}"`);
  if (!cache.has(name))
    cache.set(
      name,
      fetch(s.url).then((r) =>
        r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${r.status} fetching ${name}`)),
      ),
    );
  return (await cache.get(name)!).slice(0);
}
