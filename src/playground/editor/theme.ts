// Light and dark editor themes as CSS variables: the site's head script sets <html data-theme>
// (before first paint, and again on every toggle), the variables follow it live, and the editor
// never has to be reconfigured. Colours after GitHub's light/dark
// default themes, which the site's Shiki code blocks use too.
import { EditorView } from "@codemirror/view";

// The palettes (light and dark --avio-cm-* variables) live in playground.css: the static code
// shown before the editor loads uses them too.
const v = (name: string): string => `var(--avio-cm-${name})`;

export const editorTheme = EditorView.theme({
  "&": {
    color: v("text"),
    backgroundColor: v("bg"),
    border: `1px solid ${v("border")}`,
    borderRadius: "var(--radius, 0.5rem)",
    fontSize: "0.9rem",
  },
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
