// What the runtime tells the learner, in English (compiler and FFmpeg texts stay as they are).
export const runtime = {
  line: (line: number, message: string) => `line ${line}: ${message}`,
  importDenied: (name: string) => `Cannot import "${name}" here: only "avio" is available.`,
  importExpression:
    'import() is not available here: import what you need from "avio" at the top of the module.',
  missingReadPacket: "Export a function read_packet(opaque, buf, buf_size) — FFmpeg calls it to get bytes.",
  missingWritePacket:
    "Export a function write_packet(opaque, buf, buf_size) — FFmpeg calls it with the bytes it produced.",
  missingMain: "Export a function main(input: Uint8Array) that runs the whole lifecycle.",
  createOpaqueThrew: (error: string) => `create_opaque threw: ${error}`,
  exportsUnreadable: (error: string) =>
    `Your module's exports could not be read: reading them threw ${error}.`,
  unshowable: "a value that cannot be shown (its name and message are not plain text)",
  inputUndecodable: (error: string) => `Could not decode the input media: ${error}`,
  timeout: (seconds: number) => `Did not finish within ${seconds} s (endless loop?).`,
};

export type RuntimeStrings = typeof runtime;
