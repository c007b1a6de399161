// What `npm run mutation` mutates in a solution, and how an equivalent mutant is listed.
import ts from "typescript";

export interface Equivalent {
  mutator: string;
  /** The code Stryker replaced, exactly as in solution.ts. */
  original: string;
  replacement: string;
  /** Only when the same change appears on several lines. */
  line?: number;
  /**
   * equivalent: behaves like the solution for every input the contract allows.
   * unreachable: differs only on a path no test input can reach in the engine (an allocation that
   * cannot fail); reported apart, and counted in the strict score.
   */
  kind: "equivalent" | "unreachable";
  /** Why no correct test can tell this mutant from the solution. */
  reason: string;
}

/**
 * Line ranges of solution.ts that are the learner's work: every top-level statement except those
 * the starter already gives word for word (e.g. a create_opaque only the page's Run calls, or the
 * finished read_packet of an exercise about seek). Mutating given code measures nothing.
 */
export function learnerRanges(
  solution: string,
  starter: string,
): { ranges: { start: number; end: number }[]; given: string[] } {
  const norm = (t: string) =>
    t
      .replace(/\/\/.*$/gm, "")
      .replace(/\s+/g, " ")
      .trim();
  const parse = (src: string) => ts.createSourceFile("x.ts", src, ts.ScriptTarget.Latest, true);
  const offered = new Set(parse(starter).statements.map((st) => norm(st.getText())));
  const file = parse(solution);
  const ranges: { start: number; end: number }[] = [];
  const given: string[] = [];
  for (const st of file.statements) {
    if (offered.has(norm(st.getText()))) {
      if (ts.isFunctionDeclaration(st)) given.push(`function ${st.name?.text ?? "(default)"}`);
      else if (ts.isClassDeclaration(st)) given.push(`class ${st.name?.text ?? "(default)"}`);
      else if (ts.isVariableStatement(st))
        given.push(st.declarationList.declarations.map((d) => d.name.getText()).join(", "));
      continue;
    }
    const line = (pos: number) => file.getLineAndCharacterOfPosition(pos).line + 1;
    ranges.push({ start: line(st.getStart()), end: line(st.getEnd()) });
  }
  return { ranges, given };
}
