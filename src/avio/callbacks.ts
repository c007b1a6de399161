// The three callbacks of avio_alloc_context(), as learner code writes them.
export type ReadPacket<O = any> = (opaque: O, buf: Uint8Array, buf_size: number) => number;
export type WritePacket<O = any> = (opaque: O, buf: Uint8Array, buf_size: number) => number;
export type Seek<O = any> = (opaque: O, offset: number, whence: number) => number;
