// The Simplified Chinese catalogue: the same sections as en.ts, each typed by its English section
// (a missing or extra key fails tsc).
import { avio } from "../avio/messages/zh-cn.ts";
import type { Strings } from "./en.ts";
import { exercises } from "./zh-cn/exercises.ts";
import { playground } from "./zh-cn/playground.ts";
import { runtime } from "./zh-cn/runtime.ts";
import { site } from "./zh-cn/site.ts";
import { views } from "./zh-cn/views.ts";

export const zhCn: Strings = { ...site, avio, runtime, exercises, playground, views };
