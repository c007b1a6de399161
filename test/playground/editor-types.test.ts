// The "avio" declarations the editor checks learner code against are generated from src/avio;
// this fails when someone changes src/avio without running `npm run gen:types`.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  generateAvioTypeFiles,
  generateAvioTypesModule,
  OUTPUT,
  PACKAGE_DIR,
} from "../../scripts/gen-avio-dts.mjs";
import { AVIO_TYPE_FILES } from "../../src/runtime/avio-types.generated.ts";

describe("avio-types.generated.ts", () => {
  test("is up to date with src/avio (else run npm run gen:types)", () => {
    expect(readFileSync(OUTPUT, "utf8")).toBe(generateAvioTypesModule());
  });

  test("is one package whose relative imports all resolve inside it", () => {
    const files = generateAvioTypeFiles();
    expect(files[`${PACKAGE_DIR}/index.d.ts`]).toContain('from "./api.js"');
    for (const [file, text] of Object.entries(files)) {
      for (const [, spec] of text.matchAll(/(?:from\s+|import\()"(\.[^"]+)"/g)) {
        expect(spec, `${file} imports ${spec}`).toMatch(/^\.\/[\w-]+\.js$/);
        expect(Object.keys(files), `${file} imports ${spec}`).toContain(
          `${PACKAGE_DIR}/${spec!.slice(2, -3)}.d.ts`,
        );
      }
    }
  });

  test("keeps TSDoc (completion docs) and drops @internal plumbing", () => {
    const api = AVIO_TYPE_FILES[`${PACKAGE_DIR}/api.d.ts`]!;
    expect(api).toContain("@param read_packet refills the buffer");
    expect(AVIO_TYPE_FILES[`${PACKAGE_DIR}/constants.d.ts`]).toContain("/** End of file.");
    // AVIOContext.rec is @internal in src/avio/api.ts.
    expect(api).not.toMatch(/readonly rec: IORecord/);
  });
});
