// What the runtime tells the learner, in Simplified Chinese.
import type { RuntimeStrings } from "../en/runtime.ts";

export const runtime: RuntimeStrings = {
  line: (line, message) => `第 ${line} 行：${message}`,
  importDenied: (name) => `这里不能导入 "${name}"：只能导入 "avio"。`,
  importExpression: '这里不能使用 import()：请在模块开头从 "avio" 导入所需内容。',
  missingReadPacket: "请导出函数 read_packet(opaque, buf, buf_size)：FFmpeg 通过它获取数据。",
  missingWritePacket: "请导出函数 write_packet(opaque, buf, buf_size)：FFmpeg 通过它交出生成的数据。",
  missingMain: "请导出函数 main(input: Uint8Array)，由它完成整个生命周期。",
  createOpaqueThrew: (error) => `create_opaque 抛出了异常：${error}`,
  exportsUnreadable: (error) => `无法读取你的模块导出的内容：读取时抛出了 ${error}。`,
  unshowable: "一个无法显示的值（它的 name 和 message 不是普通文本）",
  inputUndecodable: (error) => `无法解码输入的媒体文件：${error}`,
  timeout: (seconds) => `没有在 ${seconds} 秒内完成（死循环？）。`,
};
