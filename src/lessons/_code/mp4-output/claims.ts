import type { PlaygroundClaim } from "../claim.ts";

const wav = "wav-s16-44k-stereo.wav";
const file = "mp4-to-memory.ts";
const valid = { format_name: "mov,mp4,m4a,3gp,3g2,mj2", codec_name: "alac", duration_ts: 88200 };
const base = { file, mode: "mux", media: wav, outputFormat: "m4a" } as const;

export const claims: PlaygroundClaim[] = [
  // "With seek: ftyp, free, mdat, moov; two seeks at av_write_trailer (back to 36 for the mdat size,
  // then to the end for the moov); ffprobe reads 88,200 ALAC samples."
  { ...base, playground: "mp4-to-memory", useSeek: true, expect: { status: "ok", diagnostics: [], seeks: 2, writes: 68, writeBytes: 187512, boxes: ["ftyp", "free", "mdat", "moov"], ffprobe: valid } },
  // "Switch the output to MP4: the same four boxes."
  { ...base, playground: "mp4-to-memory", useSeek: true, outputFormat: "mp4", expect: { status: "ok", diagnostics: [], seeks: 2, boxes: ["ftyp", "free", "mdat", "moov"], ffprobe: valid } },
  // "Without seek: refused in avformat_write_header() by mov_init()."
  { ...base, playground: "mp4-to-memory", useSeek: false, expect: { status: "ffmpeg-error", seeks: 0, writes: 0, logIncludes: "muxer does not support non seekable output" } },
  // "movflags=faststart: av_write_trailer() fails, the output cannot be re-opened for reading."
  { ...base, playground: "mp4-to-memory", useSeek: true, movflags: "faststart", expect: { status: "ffmpeg-error", seeks: 2, boxes: ["ftyp", "free", "mdat"], logIncludes: "Unable to re-open output.m4a output file for shifting data" } },
  // "Fragmented, no seek: ftyp, an empty moov, one moof + mdat (audio only), mfra; no seek call."
  { ...base, playground: "fragmented", useSeek: false, movflags: "frag_keyframe+empty_moov", expect: { status: "ok", diagnostics: [], seeks: 0, boxes: ["ftyp", "moov", "moof", "mdat", "mfra"], ffprobe: valid } },
  // "Given a seek, the fragmented muxer still never calls it."
  { ...base, playground: "fragmented", useSeek: true, movflags: "frag_keyframe+empty_moov", expect: { status: "ok", diagnostics: [], seeks: 0, boxes: ["ftyp", "moov", "moof", "mdat", "mfra"] } },
  // "frag_keyframe alone on audio: no moof at all; the one fragment is written as a full moov + mdat."
  { ...base, playground: "fragmented", useSeek: false, movflags: "frag_keyframe", expect: { status: "ok", seeks: 0, boxes: ["ftyp", "moov", "mdat", "mfra"], ffprobe: valid } },
  // "empty_moov alone fragments the same way: mov_write_header() picks frag_keyframe when no method is set."
  { ...base, playground: "fragmented", useSeek: false, movflags: "empty_moov", expect: { status: "ok", seeks: 0, boxes: ["ftyp", "moov", "moof", "mdat", "mfra"] } },
  // "frag_every_frame: one moof + mdat per ALAC packet (22 for 88,200 samples of 4,096)."
  { ...base, playground: "fragmented", useSeek: false, movflags: "frag_every_frame+empty_moov", expect: { status: "ok", seeks: 0, boxes: ["ftyp", "moov", ...Array.from({ length: 22 }, () => ["moof", "mdat"]).flat(), "mfra"], ffprobe: valid } },
];
