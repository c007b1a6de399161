// Light and dark editor themes as CSS variables: the site's head script sets <html data-theme>
// (before first paint, and again on every toggle), the variables follow it live, and the editor
// never has to be reconfigured. Colours after GitHub's light/dark
// default themes, which the site's Shiki code blocks use too.
import { HighlightStyle } from "@codemirror/language";
import { EditorView } from "@codemirror/view";
import { tags as t } from "@lezer/highlight";

type Palette = Record<string, string>;

const light: Palette = {
  bg: "var(--code-bg, #ffffff)",
  text: "#1f2328",
  muted: "#59636e",
  border: "var(--border, #d1d9e0)",
  gutterBg: "var(--surface, #f6f8fa)",
  activeLine: "rgba(234, 238, 242, 0.55)",
  selection: "#b6d7ff",
  cursor: "#1f2328",
  bracket: "rgba(74, 194, 107, 0.35)",
  focus: "var(--focus, #b35900)",
  tooltipBg: "var(--surface, #f6f8fa)",
  optionSelected: "var(--accent-soft, #ddf4ff)",
  keyword: "#cf222e",
  string: "#0a3069",
  number: "#0550ae",
  fn: "#6639ba",
  type: "#953800",
  comment: "#59636e",
  regexp: "#116329",
  invalid: "#82071e",
};

const dark: Palette = {
  bg: "var(--code-bg, #0d1117)",
  text: "#e6edf3",
  muted: "#9198a1",
  border: "var(--border, #3d444d)",
  gutterBg: "var(--surface, #151b23)",
  activeLine: "rgba(101, 108, 118, 0.2)",
  selection: "#1f4a7a",
  cursor: "#e6edf3",
  bracket: "rgba(46, 160, 67, 0.45)",
  focus: "var(--focus, #ffb366)",
  tooltipBg: "var(--surface, #151b23)",
  optionSelected: "var(--accent-soft, #13263b)",
  keyword: "#ff7b72",
  string: "#a5d6ff",
  number: "#79c0ff",
  fn: "#d2a8ff",
  type: "#ffa657",
  comment: "#9198a1",
  regexp: "#7ee787",
  invalid: "#ffa198",
};

const v = (name: string): string => `var(--avio-cm-${name})`;
const vars = (p: Palette): Record<string, string> =>
  Object.fromEntries(Object.entries(p).map(([k, val]) => [`--avio-cm-${k}`, val]));

export const editorTheme = EditorView.theme({
  "&": {
    ...vars(light),
    color: v("text"),
    backgroundColor: v("bg"),
    border: `1px solid ${v("border")}`,
    borderRadius: "var(--radius, 0.5rem)",
    fontSize: "0.9rem",
  },
  ":root[data-theme='dark'] &": vars(dark),
  "&.cm-focused": { outline: `2px solid ${v("focus")}`, outlineOffset: "2px" },
  ".cm-scroller": { fontFamily: "var(--font-mono, ui-monospace, monospace)", lineHeight: "1.55" },
  ".cm-content": { caretColor: v("cursor"), padding: "0.5rem 0" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: v("cursor") },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection": {
    backgroundColor: `${v("selection")} !important`,
  },
  ".cm-gutters": {
    backgroundColor: v("gutterBg"),
    color: v("muted"),
    borderRight: `1px solid ${v("border")}`,
    borderRadius: "var(--radius, 0.5rem) 0 0 var(--radius, 0.5rem)",
  },
  ".cm-activeLine": { backgroundColor: v("activeLine") },
  ".cm-activeLineGutter": { backgroundColor: v("activeLine"), color: v("text") },
  "&.cm-focused .cm-matchingBracket": { backgroundColor: v("bracket"), outline: "none" },
  ".cm-tooltip": {
    backgroundColor: v("tooltipBg"),
    color: v("text"),
    border: `1px solid ${v("border")}`,
    borderRadius: "0.375rem",
  },
  ".cm-tooltip-autocomplete > ul > li[aria-selected]": {
    backgroundColor: v("optionSelected"),
    color: v("text"),
  },
  ".cm-completionInfo, .cm-avio-hover": {
    maxWidth: "32rem",
    maxHeight: "20rem",
    overflowY: "auto",
    padding: "0.4rem 0.6rem",
    whiteSpace: "pre-wrap",
    fontFamily: "var(--font-sans, system-ui, sans-serif)",
    fontSize: "0.85rem",
  },
  ".cm-avio-signature": {
    display: "block",
    fontFamily: "var(--font-mono, ui-monospace, monospace)",
    whiteSpace: "pre-wrap",
  },
  ".cm-avio-doc": { margin: "0.4rem 0 0" },
  ".cm-panels": { backgroundColor: v("gutterBg"), color: v("text") },
  ".cm-diagnostic": { whiteSpace: "pre-wrap" },
});

export const highlightStyle = HighlightStyle.define([
  {
    tag: [t.keyword, t.modifier, t.operatorKeyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword],
    color: v("keyword"),
  },
  { tag: [t.string, t.special(t.string)], color: v("string") },
  { tag: [t.number, t.bool, t.null, t.atom, t.constant(t.variableName)], color: v("number") },
  {
    tag: [t.function(t.variableName), t.function(t.propertyName), t.function(t.definition(t.variableName))],
    color: v("fn"),
  },
  { tag: [t.typeName, t.className, t.namespace], color: v("type") },
  { tag: [t.comment, t.lineComment, t.blockComment], color: v("comment"), fontStyle: "italic" },
  { tag: t.regexp, color: v("regexp") },
  { tag: t.invalid, color: v("invalid") },
]);
