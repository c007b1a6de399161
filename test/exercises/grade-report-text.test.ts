// Reports stay valid and readable whatever a submission's names and messages hold: generated
// hostile text through every report, checked by a real XML validator; one submission's huge output
// never stops a report. No grading run: the report functions get the results directly.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import stringWidth from "string-width";
import { validateXML } from "xmllint-wasm";
import { describe, expect, it } from "vitest";
import { root } from "./grade-cli.ts";
import { parseResultsJson } from "../../src/exercises/report-schema.ts";
import { toCsv, toJUnit, toResultsJson, toTable, type SubmissionResult } from "../../src/exercises/report.ts";
import { nameFromBytes } from "../../src/exercises/report-text.ts";
import type { GradeResult } from "../../src/runtime/types.ts";

// Code points that break XML 1.0, terminals, spreadsheets or a reader's eyes, and some that must survive.
const NASTY = [
  ...Array.from({ length: 32 }, (_, i) => i),
  0x7f,
  0x85,
  0x9f,
  0xad,
  0x61c,
  0x200b,
  0x200c,
  0x200d,
  0x200e,
  0x200f,
  0x2028,
  0x2029,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2060,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
  0xfeff,
  0xfffe,
  0xffff,
  0xfdd0,
  0x1fffe,
  0x10ffff,
  0xe0041,
  0xd800,
  0xdbff,
  0xdc00,
  0xdfff,
  0x22,
  0x26,
  0x27,
  0x3c,
  0x3e,
  0x3d,
  0x2b,
  0x2d,
  0x40,
  0x2c,
  0x5c,
  0x5d,
  0x4e2d,
  0x6587,
  0xff21,
  0x301,
  0x1f600,
  0x41,
  0x20,
];
/** A deterministic generator (mulberry32): the same hostile strings every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = rng(23);
function hostile(length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) {
    const c = NASTY[Math.floor(next() * NASTY.length)];
    // Lone surrogates on purpose: String.fromCharCode keeps them unpaired.
    s += c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : String.fromCodePoint(c);
  }
  return s;
}
function hostileClass(n: number): SubmissionResult[] {
  return Array.from({ length: n }, (_, i) => {
    const status = (["pass", "fail", "error"] as const)[i % 3];
    const result: GradeResult = {
      status,
      ...(i % 4 === 0 ? { message: hostile(40) } : {}),
      tests: Array.from({ length: 3 }, (_, k) => ({
        name: `test ${k}`,
        title: `test ${k}`,
        status: status === "pass" ? "pass" : (["fail", "error", "skipped"] as const)[k],
        message: status === "pass" ? undefined : hostile(30),
      })),
    };
    return { submission: `${i}-${hostile(12)}.ts`, student: hostile(8), result, ms: i };
  });
}
const xsd = readFileSync(join(root, "test/exercises/fixtures/junit.xsd"), "utf8");
async function xmlErrors(xml: string) {
  const r = await validateXML({
    xml: { fileName: "r.xml", contents: xml },
    schema: { fileName: "junit.xsd", contents: xsd },
  });
  return r.errors.map((e) => e.message);
}
// Characters that must never reach a report raw.
const RAW =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff\ufffe\uffff\ufdd0]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

describe("reports: any name or message", () => {
  const results = hostileClass(60);

  it("JUnit is XML 1.0-legal and valid against the schema for generated hostile names and messages", async () => {
    const xml = toJUnit("read-packet", results);
    expect(await xmlErrors(xml)).toEqual([]);
    expect(xml).not.toMatch(RAW);
  });

  it("bidi, invisible and non-characters are escaped visibly in the table, the CSV and the JSON", () => {
    const rlm: SubmissionResult = {
      submission: "a\u200Fb.ts",
      result: { status: "error", message: "x\u202Ey\uFEFFz\u061C\uFFFE", tests: [] },
    };
    const table = toTable([rlm, ...results]);
    const csv = toCsv("read-packet", [rlm, ...results]);
    const json = JSON.stringify(toResultsJson("read-packet", [rlm, ...results]));
    for (const out of [table, csv, json]) {
      expect(out.replace(/\n|\r\n/g, "")).not.toMatch(RAW);
      expect(out).toContain(out === json ? "a\\\\u200Fb.ts" : "a\\u200Fb.ts");
      expect(out).toContain(
        out === json ? "x\\\\u202Ey\\\\uFEFFz\\\\u061C\\\\uFFFE" : "x\\u202Ey\\uFEFFz\\u061C\\uFFFE",
      );
    }
    expect(parseResultsJson(json).ok).toBe(true);
    // One line per row: no message draws a row of its own.
    expect(table.split("\n")).toHaveLength(1 + 61 + 2);
    expect(csv.trimEnd().split("\r\n")).toHaveLength(1 + 61);
  });

  it("the table stays aligned with wide characters (CJK, full-width, emoji) and combining marks", () => {
    const rows = ["张伟.ts", "ｌｉ.ts", "e\u0301mile.ts", "😀.ts", "bo.ts"].map(
      (submission): SubmissionResult => ({ submission, result: { status: "pass", tests: [] } }),
    );
    const lines = toTable(rows).split("\n").slice(0, 6);
    const column = (line: string) => stringWidth(line.slice(0, line.search(/0\/0|passed/)));
    expect(new Set(lines.map(column)).size).toBe(1);
  });

  it("one submission's 8 Mi-character messages never stop a report: each is cut, the whole capped", async () => {
    const huge = "\u0000A".repeat(4 * 2 ** 20);
    const big: SubmissionResult = {
      submission: "big.ts",
      result: {
        status: "error",
        message: huge,
        tests: Array.from({ length: 12 }, (_, k) => ({
          name: `t${k}`,
          title: `t${k}`,
          status: "error" as const,
          message: huge,
        })),
      },
    };
    const xml = toJUnit("read-packet", [big, ...results.slice(0, 3)]);
    const json = JSON.stringify(toResultsJson("read-packet", [big]));
    expect(xml.length).toBeLessThan(300_000);
    expect(json.length).toBeLessThan(150_000);
    expect(toCsv("read-packet", [big]).length).toBeLessThan(20_000);
    expect(toTable([big]).length).toBeLessThan(20_000);
    expect(json).toMatch(/more characters not shown/);
    expect(json).toMatch(/reached their cap of 16000 characters/);
    expect(await xmlErrors(xml)).toEqual([]);
  });

  it("points and max_points come from the result when its tests carry points, else one per test", () => {
    const plain = toResultsJson("x", [
      {
        submission: "a.ts",
        result: {
          status: "fail",
          tests: [
            { name: "t", title: "t", status: "pass" },
            { name: "u", title: "u", status: "fail" },
          ],
        },
      },
    ]).results[0];
    expect(plain).toMatchObject({ passed: 1, total: 2, points: 1, max_points: 2, score: 0.5 });
    const weighted = toResultsJson("x", [
      {
        submission: "a.ts",
        result: { status: "fail", points: 3, max_points: 4, tests: [] } as GradeResult,
      },
    ]).results[0];
    expect(weighted).toMatchObject({ points: 3, max_points: 4, score: 0.75 });
  });

  it("--excel's BOM; a missing roster row in every report", async () => {
    const missing: SubmissionResult = {
      submission: "",
      student: "zed",
      missing: true,
      result: { status: "error", message: "no submission from this student", tests: [] },
    };
    const csv = toCsv("read-packet", [missing], "en", { bom: true });
    expect(csv.startsWith("\uFEFFsubmission,status,")).toBe(true);
    expect(csv).toMatch(/\r\n,missing,0,0,0,no submission from this student,read-packet,zed,0,0,,\r\n$/); // graded_at and type_errors empty
    expect(toTable([missing])).toMatch(/^\[zed\]\s+0\/0\s+missing\s+no submission/m);
    expect(toResultsJson("read-packet", [missing]).totals).toMatchObject({ missing: 1, errored: 0 });
    const xml = toJUnit("read-packet", [missing]);
    expect(xml).toMatch(
      /<testcase classname="read-packet" name="missing" time="0.000"><error message="no submission/,
    );
    expect(await xmlErrors(xml)).toEqual([]);
  });
});

describe("names: the entry's bytes, unique for display", () => {
  it("a backslash stays a backslash, bytes that are not UTF-8 are \\xNN, and no two names read alike", () => {
    const names = [
      Buffer.from("bob\\sub.ts"),
      Buffer.from("bob/sub.ts"),
      Buffer.from([0xff, 0x2e, 0x74, 0x73]),
      Buffer.from("\\xff.ts"),
      Buffer.from("\\\\xff.ts"),
      Buffer.from("张.ts"),
      Buffer.from([0xe5, 0xbc, 0x2e, 0x74, 0x73]),
    ].map(nameFromBytes);
    expect(names.slice(0, 3)).toEqual(["bob\\\\sub.ts", "bob/sub.ts", "\\xff.ts"]);
    expect(names[5]).toBe("张.ts");
    expect(new Set(names).size).toBe(names.length);
  });
});
