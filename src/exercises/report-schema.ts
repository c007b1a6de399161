// Reading a grade --json report back (for --merge), checked against its published schema.
import { Ajv2020 } from "ajv/dist/2020.js";
import schema from "./report.schema.json" with { type: "json" };
import type { ResultsJson } from "./report.ts";

const validate = new Ajv2020({ allErrors: true }).compile<ResultsJson>(schema);

export { schema as reportSchema };

export function parseResultsJson(
  text: string,
): { ok: true; value: ResultsJson } | { ok: false; error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  if (!validate(doc))
    return {
      ok: false,
      error: (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`).join("; "),
    };
  return { ok: true, value: doc };
}
