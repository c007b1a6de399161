// The playground's result views. Each render function empties its container and
// draws one RunResult aspect; clearView undoes a view before its container goes away.
export { clearView } from "./dom.ts";
export { renderInfo } from "./info.ts";
export { renderTrace } from "./trace.ts";
export { renderByteMap } from "./bytemap.ts";
export { renderDiagnostics } from "./diagnostics.ts";
export { renderWaveform } from "./waveform.ts";
export { Player } from "./player.ts";
export { renderOutput } from "./output.ts";
export { viewStrings, type ViewStrings } from "./strings.ts";
