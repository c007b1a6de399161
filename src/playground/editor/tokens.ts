// One token → class mapping for the live editor and the static code a playground shows before
// the editor loads (highlight.ts, at build time): the same parser and the same classes, so the
// code looks the same before and after the swap. Colours: playground.css (--avio-cm-*).
import { tagHighlighter, tags as t } from "@lezer/highlight";

export const tokenHighlighter = tagHighlighter([
  {
    tag: [t.keyword, t.modifier, t.operatorKeyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword],
    class: "pg-tok-keyword",
  },
  { tag: [t.string, t.special(t.string)], class: "pg-tok-string" },
  { tag: [t.number, t.bool, t.null, t.atom, t.constant(t.variableName)], class: "pg-tok-number" },
  {
    tag: [t.function(t.variableName), t.function(t.propertyName), t.function(t.definition(t.variableName))],
    class: "pg-tok-fn",
  },
  { tag: [t.typeName, t.className, t.namespace], class: "pg-tok-type" },
  { tag: [t.comment, t.lineComment, t.blockComment], class: "pg-tok-comment" },
  { tag: t.regexp, class: "pg-tok-regexp" },
  { tag: t.invalid, class: "pg-tok-invalid" },
]);
