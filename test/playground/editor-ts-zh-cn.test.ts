// zh-cn pages check learner code with TypeScript's own Chinese messages (issue #24, point 6). Its own
// file: the messages are global to the TypeScript module, as they are to the zh-cn worker.
import { describe, expect, it } from "vitest";
import messages from "typescript/lib/zh-cn/diagnosticMessages.generated.json";
import { useTypeScriptMessages } from "../../src/playground/editor/ts-locale-zh-cn.ts";
import { typecheck } from "../../src/playground/editor/typecheck.ts";

useTypeScriptMessages(messages);

describe("TypeScript diagnostics on zh-cn pages", () => {
  it("a misspelled name is reported in Chinese, with TypeScript's suggestion", () => {
    const [d] = typecheck('import { AVERROR_EOF } from "avio";\nexport const x: number = AVERROR_EOFF;\n');
    expect(d).toMatchObject({ code: 2552, line: 2 });
    expect(d!.message).toContain("找不到名称“AVERROR_EOFF”");
    expect(d!.message).toContain("AVERROR_EOF");
  });

  it("a type mismatch too", () => {
    const [d] = typecheck('export const n: number = "4096";\n');
    expect(d!.code).toBe(2322);
    expect(d!.message).toMatch(/不能将类型“string”分配给类型“number”/);
  });
});
