// The three callbacks of avio_alloc_context(), as learner code writes them.
// biome-ignore-all lint/suspicious/noExplicitAny: opaque is whatever the learner passes to avio_alloc_context(), like C's void *.
export type ReadPacket<O = any> = (opaque: O, buf: Uint8Array, buf_size: number) => number;
export type WritePacket<O = any> = (opaque: O, buf: Uint8Array, buf_size: number) => number;
export type Seek<O = any> = (opaque: O, offset: number, whence: number) => number;
