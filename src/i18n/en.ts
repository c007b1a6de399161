// The English catalogue: every text the workbook shows, one section per layer, each in the one
// file where that layer's words live. It is the reference: zh-cn.ts must have exactly its keys.
//   site keys (flat, "nav.lessons")  src/i18n/en/site.ts        pages, navigation, search
//   avio                             src/avio/messages/en.ts    diagnostics, missing components
//   runtime                          src/i18n/en/runtime.ts     compile and run errors
//   exercises                        src/i18n/en/exercises.ts   grader messages and report
//   playground                       src/i18n/en/playground.ts  the playground's controls
//   views                            src/i18n/en/views.ts       the result views
import { avio } from "../avio/messages/en.ts";
import { exercises } from "./en/exercises.ts";
import { playground } from "./en/playground.ts";
import { runtime } from "./en/runtime.ts";
import { site, type SiteStrings } from "./en/site.ts";
import { views } from "./en/views.ts";

const sections = { avio, runtime, exercises, playground, views };

export const en: Strings = { ...site, ...sections };

/** A whole language's catalogue: the site's flat keys and one section per layer. */
export type Strings = SiteStrings & { readonly [K in keyof typeof sections]: (typeof sections)[K] };
