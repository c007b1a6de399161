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
import type { PlaygroundStrings } from "../i18n/index.ts";

/** A sample; what it is good for showing is its label in the catalogue (playground.samples). */
export interface Sample {
  /** File name of the fixture (also the playground's `media` prop); its label's key. */
  name: keyof PlaygroundStrings["samples"];
  url: string;
}

export const samples: Sample[] = [
  {
    name: "mp3-cbr-44k-stereo.mp3",
    url: mp3,
  },
  {
    name: "mp3-vbr-id3-48k-mono.mp3",
    url: mp3Vbr,
  },
  {
    name: "aac-adts-44k-stereo.aac",
    url: aacAdts,
  },
  {
    name: "m4a-moov-end-48k-stereo.m4a",
    url: m4aMoovEnd,
  },
  {
    name: "m4a-faststart-44k-mono.m4a",
    url: m4aFaststart,
  },
  {
    name: "flac-44k-stereo.flac",
    url: flac,
  },
  {
    name: "ogg-vorbis-44k-stereo.ogg",
    url: ogg,
  },
  {
    name: "opus-48k-stereo.opus",
    url: opus,
  },
  {
    name: "wav-s16-44k-stereo.wav",
    url: wav,
  },
  {
    name: "wav-s16-22k-mono.wav",
    url: wavMono,
  },
  {
    name: "truncated-m4a-faststart.m4a",
    url: truncated,
  },
  {
    name: "garbage.bin",
    url: garbage,
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
