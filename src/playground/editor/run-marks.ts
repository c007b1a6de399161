// The lines a Run's findings point at, marked in the editor: the line gets a tinted background
// and, after its text, the finding in a few words. The marks belong to the code that ran: the
// first edit clears them (the next Run sets new ones). DOM-free apart from the widget.
import { type EditorState, type Extension, StateEffect, StateField } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, WidgetType } from "@codemirror/view";

export interface RunMark {
  /** 1-based line of the learner's code. */
  line: number;
  /** What happened there, shown after the line's text (capped). */
  message: string;
  severity: "error" | "warning";
}

/** Characters of a mark's note shown after the line (the full text is in the diagnostics panel). */
export const MARK_NOTE_MAX = 120;

export const setRunMarks = StateEffect.define<readonly RunMark[]>();

class NoteWidget extends WidgetType {
  readonly text: string;
  readonly severity: RunMark["severity"];
  constructor(text: string, severity: RunMark["severity"]) {
    super();
    this.text = text;
    this.severity = severity;
  }
  eq(other: NoteWidget): boolean {
    return other.text === this.text && other.severity === this.severity;
  }
  toDOM(): HTMLElement {
    const el = document.createElement("span");
    el.className = `cm-avio-run-note cm-avio-run-note--${this.severity}`;
    el.textContent = `${this.severity === "error" ? "✖" : "⚠"} ${this.text}`;
    return el;
  }
}

/** The decorations for `marks` in `state`: one per line (the first mark of a line wins), out-of-range lines dropped. */
export function runMarkDecorations(state: EditorState, marks: readonly RunMark[]): DecorationSet {
  const seen = new Set<number>();
  const ranges = [];
  for (const m of [...marks].sort((a, b) => a.line - b.line)) {
    if (!Number.isInteger(m.line) || m.line < 1 || m.line > state.doc.lines || seen.has(m.line)) continue;
    seen.add(m.line);
    const line = state.doc.line(m.line);
    const note = m.message.length > MARK_NOTE_MAX ? `${m.message.slice(0, MARK_NOTE_MAX - 1)}…` : m.message;
    ranges.push(
      Decoration.line({
        class: `cm-avio-run-line cm-avio-run-line--${m.severity}`,
        attributes: { "data-run-line": String(m.line) },
      }).range(line.from),
      Decoration.widget({ widget: new NoteWidget(note, m.severity), side: 1 }).range(line.to),
    );
  }
  return Decoration.set(ranges, true);
}

const marksField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const e of tr.effects) if (e.is(setRunMarks)) return runMarkDecorations(tr.state, e.value);
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** Whether `state` shows run marks, and on which lines (for tests). */
export function markedLines(state: EditorState): number[] {
  const lines: number[] = [];
  state.field(marksField, false)?.between(0, state.doc.length, (from, _to, d) => {
    if (d.spec.class) lines.push(state.doc.lineAt(from).number);
  });
  return lines;
}

export const runMarks: Extension = [
  marksField,
  EditorView.baseTheme({
    ".cm-avio-run-line--error": { backgroundColor: "rgba(220, 38, 38, 0.14)" },
    ".cm-avio-run-line--warning": { backgroundColor: "rgba(217, 119, 6, 0.14)" },
    ".cm-avio-run-note": { marginLeft: "1.5em", fontStyle: "italic", whiteSpace: "pre-wrap" },
    "&light .cm-avio-run-note--error": { color: "#b91c1c" },
    "&dark .cm-avio-run-note--error": { color: "#fca5a5" },
    "&light .cm-avio-run-note--warning": { color: "#92400e" },
    "&dark .cm-avio-run-note--warning": { color: "#fcd34d" },
  }),
];
