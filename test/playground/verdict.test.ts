// One verdict per Run: the status line agrees with the diagnostics (runVerdict), and a Check
// stopped by the time budget says so without "could not run" (checkSummary).
import { describe, expect, test } from "vitest";
import { AVERROR_EXIT, EIO } from "../../src/avio/constants.ts";
import { diagnose } from "../../src/avio/diagnostics.ts";
import { AVERROR } from "../../src/avio/index.ts";
import { strings } from "../../src/i18n/index.ts";
import { checkSummary } from "../../src/playground/views/check.ts";
import { ignoredVideoNote, runVerdict } from "../../src/playground/verdict.ts";
import type { RunResult } from "../../src/playground/protocol.ts";
import { mp3Result } from "./views-fixture.ts";

const t = strings("en").playground;
const v = strings("en").views;

const threw = diagnose("callback_threw", { callback: "read_packet", call: 1, value: "Error: boom" });
const ffmpeg = diagnose("ffmpeg_error", { stage: "avformat_open_input", message: "End of file" });

function failedRun(): RunResult {
  return {
    ...mp3Result(),
    status: "ffmpeg-error",
    error: { stage: "avformat_open_input", message: "End of file" },
    diagnostics: [threw, ffmpeg],
  };
}

describe("runVerdict", () => {
  test("a clean run is Done, in neutral text", () => {
    const r = { ...mp3Result(), diagnostics: [], ms: 12.5 };
    expect(runVerdict(r, t, v)).toEqual({ text: t.done(v.milliseconds("12.50")), kind: "" });
  });

  test("a run that finished but broke a rule is an error naming the rule, not Done", () => {
    const broken = diagnose("seek_wrong_position", { offset: 0, whence: "SEEK_SET", value: 5, call: 2 });
    const r = { ...mp3Result(), diagnostics: [broken] };
    const got = runVerdict(r, t, v);
    expect(got.kind).toBe("error");
    expect(got.text).toContain(v.diagnostic(broken));
    expect(got.text).not.toMatch(/^Done/);
    expect(got.text).toMatch(/^Ran in .*, but a rule was broken: seek\(offset=0, SEEK_SET\) returned 5/);
  });

  test("a throwing callback: the status names what the engine gave FFmpeg, then where FFmpeg stopped", () => {
    const got = runVerdict(failedRun(), t, v);
    expect(got.kind).toBe("error");
    expect(got.text).toMatch(
      /^read_packet threw on call 1: Error: boom\..*the engine gave FFmpeg AVERROR_EXTERNAL/,
    );
    expect(got.text).toMatch(/FFmpeg then stopped at avformat_open_input, reporting “End of file”\.$/);
  });

  test("a broken rule outranks an expected error; without one the expected error stays expected", () => {
    expect(runVerdict(failedRun(), t, v, { expectedError: "End of file" }).kind).toBe("error");
    const plain = { ...failedRun(), diagnostics: [ffmpeg] };
    expect(runVerdict(plain, t, v, { expectedError: "End of file" }).kind).toBe("expected");
    expect(runVerdict(plain, t, v).text).toBe(t.failed("avformat_open_input", "End of file"));
  });

  test("zh-cn words the same verdict", () => {
    const zt = strings("zh-cn").playground;
    const zv = strings("zh-cn").views;
    const got = runVerdict(failedRun(), zt, zv);
    expect(got.text).toContain(zv.diagnostic(threw));
    expect(got.text).toContain("随后 FFmpeg 在 avformat_open_input 处停止");
  });

  test("zh-cn explains FFmpeg's English error text by its code; en shows it as it is", () => {
    const zt = strings("zh-cn").playground;
    const zv = strings("zh-cn").views;
    const exit = {
      ...failedRun(),
      diagnostics: [ffmpeg],
      error: { stage: "decode" as const, message: "Immediate exit requested", code: AVERROR_EXIT },
    };
    expect(runVerdict(exit, zt, zv).text).toBe(
      "FFmpeg 在 decode 处停止：“Immediate exit requested”（AVERROR_EXIT：要求立即退出）",
    );
    const eio = { ...exit, error: { stage: "decode" as const, message: "I/O error", code: AVERROR(EIO) } };
    expect(runVerdict(eio, zt, zv).text).toContain("“I/O error”（AVERROR(EIO)：输入/输出错误）");
    expect(runVerdict(exit, t, v).text).toBe("FFmpeg stopped at decode: Immediate exit requested");
    // An expected error is still recognised by FFmpeg's own words.
    expect(runVerdict(exit, zt, zv, { expectedError: "Immediate exit" }).kind).toBe("expected");
  });
});

describe("ignoredVideoNote", () => {
  const line = (text: string) => ({ text });
  test("cover art is not called the video stream; a real video is; a warning naming the stream does not count", () => {
    const cover = [
      line("[mp3 @ 0x1] Could not find codec parameters for stream 1 (Video: png, none): unspecified size"),
      line("  Stream #0:1: Video: png, none, 90k tbr, 90k tbn (attached pic)"),
    ];
    expect(ignoredVideoNote(cover, t)).toBe(t.coverIgnored);
    const video = [
      line("  Stream #0:0[0x1](und): Video: mpeg4 (Simple Profile) (mp4v / 0x7634706D), yuv420p, 160x120"),
    ];
    expect(ignoredVideoNote(video, t)).toBe(t.videoIgnored);
    expect(ignoredVideoNote([line("  Stream #0:0: Audio: mp3, 44100 Hz, stereo")], t)).toBe("");
  });
});

describe("checkSummary after a timeout", () => {
  const tests = [
    { name: "a", title: "first", status: "pass" as const },
    {
      name: "b",
      title: "loops",
      status: "fail" as const,
      message: "Did not finish within 5 s (endless loop?).",
    },
  ];
  test("names the stuck test, counts the ones that passed, spends no hint", () => {
    const s = checkSummary({ status: "fail", tests, timedOut: { test: "loops", seconds: 5 } }, t);
    expect(s).toBe(
      "Stopped: the test “loops” did not finish within 5 s (endless loop?). 1 test passed before it. No hint was used.",
    );
    expect(s).not.toContain("could not run");
  });
  test("a loop at the top level: loading did not finish", () => {
    const s = checkSummary({ status: "error", tests: [], timedOut: { test: null, seconds: 5 } }, t);
    expect(s).toMatch(/loading your code did not finish within 5 s/);
  });
});
