// Built-in sample media for playgrounds: the test fixtures themselves, so what
// a lesson shows is what the tests check.
import aacAdts from "../../test/fixtures/aac-adts-44k-stereo.aac?url";
import flac from "../../test/fixtures/flac-44k-stereo.flac?url";
import m4aFaststart from "../../test/fixtures/m4a-faststart-44k-mono.m4a?url";
import m4aMoovEnd from "../../test/fixtures/m4a-moov-end-48k-stereo.m4a?url";
import mp3 from "../../test/fixtures/mp3-cbr-44k-stereo.mp3?url";
import mp3Vbr from "../../test/fixtures/mp3-vbr-id3-48k-mono.mp3?url";
import ogg from "../../test/fixtures/ogg-vorbis-44k-stereo.ogg?url";
import opus from "../../test/fixtures/opus-48k-stereo.opus?url";
import wav from "../../test/fixtures/wav-s16-44k-stereo.wav?url";
import truncated from "../../test/fixtures/truncated-m4a-faststart.m4a?url";
import garbage from "../../test/fixtures/garbage.bin?url";

export interface Sample {
  /** File name of the fixture (also the playground's `media` prop). */
  name: string;
  url: string;
  /** What the sample is good for showing, in a few words. */
  label: string;
}

export const samples: Sample[] = [
  { name: "mp3-cbr-44k-stereo.mp3", url: mp3, label: "MP3, CBR 128 kb/s, 44.1 kHz stereo" },
  { name: "mp3-vbr-id3-48k-mono.mp3", url: mp3Vbr, label: "MP3, VBR with ID3v2 tag, 48 kHz mono" },
  { name: "aac-adts-44k-stereo.aac", url: aacAdts, label: "AAC in ADTS (streamable), 44.1 kHz stereo" },
  { name: "m4a-moov-end-48k-stereo.m4a", url: m4aMoovEnd, label: "M4A, moov atom at the end (needs seek)" },
  { name: "m4a-faststart-44k-mono.m4a", url: m4aFaststart, label: "M4A, +faststart (moov first)" },
  { name: "flac-44k-stereo.flac", url: flac, label: "FLAC, 44.1 kHz stereo" },
  { name: "ogg-vorbis-44k-stereo.ogg", url: ogg, label: "Ogg Vorbis, 44.1 kHz stereo" },
  { name: "opus-48k-stereo.opus", url: opus, label: "Ogg Opus, 48 kHz stereo" },
  { name: "wav-s16-44k-stereo.wav", url: wav, label: "WAV, 16-bit PCM, 44.1 kHz stereo" },
  { name: "truncated-m4a-faststart.m4a", url: truncated, label: "M4A cut off at 40% (broken)" },
  { name: "garbage.bin", url: garbage, label: "Random bytes (not media)" },
];

export function sampleByName(name: string): Sample | undefined {
  return samples.find((s) => s.name === name);
}

const cache = new Map<string, Promise<ArrayBuffer>>();

/** The sample's bytes (fetched once per page). Each call returns a fresh copy the caller may transfer. */
export async function sampleBytes(name: string): Promise<ArrayBuffer> {
  const s = sampleByName(name);
  if (!s) throw new Error(`Unknown sample "${name}"`);
  if (!cache.has(name)) cache.set(name, fetch(s.url).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${r.status} fetching ${name}`)))));
  return (await cache.get(name)!).slice(0);
}
