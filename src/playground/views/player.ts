// Player: the waveform with Play/Stop through Web Audio and a cursor that
// follows playback. Holds an AudioContext, so it is a class with destroy().
import type { RunResult } from "../protocol.ts";
import { h, clearView, onClear, region } from "./dom.ts";
import { formatSeconds } from "./format.ts";
import type { ViewStrings } from "../../i18n/index.ts";
import { renderWaveform, waveformSeconds } from "./waveform.ts";

export type PlayerData = Pick<RunResult, "waveform" | "playback" | "info">;

/** Interleaved frames (L R L R …) → one array per channel, as AudioBuffer wants them. */
export function deinterleave(pcm: Float32Array, channels: number): Float32Array<ArrayBuffer>[] {
  const frames = Math.floor(pcm.length / channels);
  const planes = Array.from({ length: channels }, () => new Float32Array(frames));
  for (let i = 0; i < frames; i++) for (let c = 0; c < channels; c++) planes[c]![i] = pcm[i * channels + c]!;
  return planes;
}

/** Where the cursor sits, 0..1 of the waveform, `elapsed` seconds into playback. */
export function cursorFraction(elapsed: number, waveformSeconds: number): number {
  return waveformSeconds > 0 ? Math.min(1, Math.max(0, elapsed / waveformSeconds)) : 0;
}

type ContextFactory = () => AudioContext;

const defaultContext: ContextFactory | null =
  typeof AudioContext === "undefined" ? null : () => new AudioContext();

export class Player {
  private context: AudioContext | null = null;
  private source: AudioBufferSourceNode | null = null;
  private buffer: AudioBuffer | null = null;
  private data: PlayerData | null = null;
  private frame = 0;
  private startedAt = 0;
  private button: HTMLButtonElement | null = null;
  private cursor: HTMLElement | null = null;
  private clock: HTMLElement | null = null;
  private readonly container: HTMLElement;
  private readonly t: ViewStrings;
  private readonly createContext: ContextFactory | null;

  /** `createContext` is for tests; by default the browser's AudioContext, created on first Play. */
  constructor(container: HTMLElement, t: ViewStrings, createContext: ContextFactory | null = defaultContext) {
    this.container = container;
    this.t = t;
    this.createContext = createContext;
  }

  get playing(): boolean {
    return this.source !== null;
  }

  /** Shows a new run's audio; stops whatever was playing. */
  render(data: PlayerData): void {
    this.stop();
    this.data = data;
    this.buffer = null;
    this.button = this.cursor = this.clock = null;
    clearView(this.container);
    const T = this.t.player;
    if (!data.waveform && !data.playback) {
      this.container.append(
        region("pg-player", T.title, h("p", { class: "pg-muted" }, this.t.waveform.none)),
      );
      return;
    }
    const playback = data.playback;
    const total = waveformSeconds(data);
    const seconds = playback ? playback.pcm.length / playback.channels / playback.sampleRate : 0;
    const wave = h("div", { class: "pg-player__wave" });
    this.cursor = h("div", { class: "pg-player__cursor", hidden: true, "aria-hidden": "true" });
    // Less PCM than audio (beyond rounding): say so, and dim the part that cannot play.
    const partial = !!playback && seconds < total - 0.05;
    const unplayable =
      partial &&
      h("div", {
        class: "pg-player__unplayable",
        style: `left: ${cursorFraction(seconds, total) * 100}%`,
        "aria-hidden": "true",
      });
    const stage = h("div", { class: "pg-player__stage" }, wave, unplayable, this.cursor);
    this.clock = h("span", { class: "pg-player__clock pg-num" });
    const canPlay = !!playback && playback.pcm.length > 0 && this.createContext !== null;
    this.button = h("button", { type: "button", class: "pg-button", disabled: !canPlay }, T.play);
    this.button.addEventListener("click", () => (this.playing ? this.stop() : this.play()));
    const note = !playback
      ? T.noPlayback
      : this.createContext === null
        ? T.noWebAudio
        : partial
          ? T.partial(formatSeconds(seconds, this.t.locale))
          : null;
    this.container.append(
      region(
        "pg-player",
        T.title,
        stage,
        h(
          "div",
          { class: "pg-player__controls" },
          this.button,
          this.clock,
          note && h("span", { class: "pg-muted" }, note),
        ),
      ),
    );
    renderWaveform(wave, data, this.t);
    // The waveform's observers belong to its own container; undo them with ours.
    onClear(this.container, () => clearView(wave));
    this.showTime(0);
  }

  play(): void {
    const playback = this.data?.playback;
    if (!playback || !this.createContext) return;
    this.stop();
    const context = (this.context ??= this.createContext());
    // Autoplay policy may leave a fresh context suspended until a user gesture, which this is.
    void context.resume();
    if (!this.buffer) {
      const planes = deinterleave(playback.pcm, playback.channels);
      this.buffer = context.createBuffer(playback.channels, planes[0]!.length, playback.sampleRate);
      planes.forEach((plane, c) => this.buffer!.copyToChannel(plane, c));
    }
    const source = context.createBufferSource();
    source.buffer = this.buffer;
    source.connect(context.destination);
    source.onended = () => {
      if (this.source === source) this.stop();
    };
    source.start();
    this.source = source;
    this.startedAt = context.currentTime;
    this.button!.textContent = this.t.player.stop;
    this.cursor!.hidden = false;
    this.tick();
  }

  stop(): void {
    cancelAnimationFrame(this.frame);
    const source = this.source;
    this.source = null;
    if (source) {
      source.onended = null;
      source.stop();
      source.disconnect();
    }
    if (this.button) this.button.textContent = this.t.player.play;
    if (this.cursor) this.cursor.hidden = true;
    this.showTime(0);
  }

  /** Stops playback, releases the audio device and empties the container. */
  destroy(): void {
    this.stop();
    void this.context?.close();
    this.context = null;
    this.data = null;
    clearView(this.container);
  }

  private tick = (): void => {
    if (!this.source || !this.context || !this.data) return;
    const elapsed = this.context.currentTime - this.startedAt;
    this.cursor!.style.left = `${cursorFraction(elapsed, waveformSeconds(this.data)) * 100}%`;
    this.showTime(elapsed);
    this.frame = requestAnimationFrame(this.tick);
  };

  private showTime(elapsed: number): void {
    if (!this.clock || !this.data) return;
    const L = this.t.locale;
    this.clock.textContent = `${formatSeconds(elapsed, L)} / ${this.t.seconds(formatSeconds(waveformSeconds(this.data), L))}`;
  }
}
