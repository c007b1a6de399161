// What a <Playground> tells its client-side controller (serialised into data-playground).
import type { Locale } from "../i18n/locales.ts";
import type { MuxFormat, RunMode } from "./protocol.ts";

export type Panel =
  | "check"
  | "diagnostics"
  | "info"
  | "waveform"
  | "trace"
  | "bytemap"
  | "output"
  | "console";

export interface PlaygroundConfig {
  id: string;
  /** Page path + id: the key of the learner's saved code (same in every language). */
  scope: string;
  title: string;
  locale: Locale;
  /** This locale's home as served ("/", "/zh-cn/", "/course/zh-cn/"): diagnostics link lessons under it. */
  home: string;
  mode: RunMode;
  starter: string;
  solution?: string;
  media: string;
  bufferSize: number;
  seek: boolean;
  panels: Panel[];
  outputFormat: MuxFormat;
  /** mux mode, mp4/m4a: the movflags option passed to avformat_write_header ("" for none). */
  movflags: string;
  timeoutSeconds: number;
  maxReadCalls?: number;
  /** Exercise id: adds Check (its tests), Download, and the solution only after a failed Check. */
  exercise?: string;
  /** FFmpeg's error text that is the expected, correct outcome here (the result line says so instead of "stopped"). */
  expectedError?: string;
  /** Where "Exercise complete!" leads: the next exercise (with its title), or the list after the last one. */
  next?: { href: string; title?: string };
}
