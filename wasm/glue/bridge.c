/*
 * bridge.c — custom I/O whose callbacks live in JavaScript.
 *
 * avio_alloc_context() takes C function pointers. We hand it three fixed C
 * trampolines; the `opaque` FFmpeg passes back is a small integer handle that
 * the JS side maps to the learner's own opaque value and callbacks. All
 * validation (the "safety net") happens in JS, where the learner's code runs,
 * so a mistake never unwinds through wasm frames.
 *
 * Also here: constants as FFmpeg's build defines them, av_log capture, and
 * av_malloc/av_free for the lesson-style API.
 */
#include <emscripten.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <malloc.h>
#include <errno.h>

#include "libavformat/avformat.h"
#include "libavformat/avio.h"
#include "libavutil/avutil.h"
#include "libavutil/error.h"
#include "libavutil/mem.h"
#include "libavutil/log.h"

/* int64 offsets travel as double: exact up to 2^53, avoids BigInt legalisation. */
EM_JS(int, js_read_packet, (int handle, uint8_t *buf, int buf_size), {
  return Module.avioCallbacks.read_packet(handle, buf, buf_size);
});
EM_JS(int, js_write_packet, (int handle, uint8_t *buf, int buf_size), {
  return Module.avioCallbacks.write_packet(handle, buf, buf_size);
});
EM_JS(double, js_seek, (int handle, double offset, int whence), {
  return Module.avioCallbacks.seek(handle, offset, whence);
});
EM_JS(void, js_log, (int level, const char *line), {
  Module.avioCallbacks.log(level, UTF8ToString(line));
});

static int tramp_read_packet(void *opaque, uint8_t *buf, int buf_size)
{
    return js_read_packet((int)(intptr_t)opaque, buf, buf_size);
}

static int tramp_write_packet(void *opaque, uint8_t *buf, int buf_size)
{
    return js_write_packet((int)(intptr_t)opaque, buf, buf_size);
}

static int64_t tramp_seek(void *opaque, int64_t offset, int whence)
{
    return (int64_t)js_seek((int)(intptr_t)opaque, (double)offset, whence);
}

EMSCRIPTEN_KEEPALIVE
AVIOContext *wb_avio_alloc_context(unsigned char *buffer, int buffer_size, int write_flag,
                                   int handle, int has_read, int has_write, int has_seek)
{
    return avio_alloc_context(buffer, buffer_size, write_flag, (void *)(intptr_t)handle,
                              has_read ? tramp_read_packet : NULL,
                              has_write ? tramp_write_packet : NULL,
                              has_seek ? tramp_seek : NULL);
}

EMSCRIPTEN_KEEPALIVE void wb_avio_context_free(AVIOContext *s) { avio_context_free(&s); }

/* Readable fields of AVIOContext, by name, so TS getters mirror C's avio_ctx->field. */
EMSCRIPTEN_KEEPALIVE double wb_avio_field(AVIOContext *s, const char *name)
{
    if (!strcmp(name, "buffer"))       return (double)(uintptr_t)s->buffer;
    if (!strcmp(name, "buffer_size"))  return s->buffer_size;
    if (!strcmp(name, "seekable"))     return s->seekable;
    if (!strcmp(name, "pos"))          return (double)s->pos;
    if (!strcmp(name, "eof_reached"))  return s->eof_reached;
    if (!strcmp(name, "error"))        return s->error;
    if (!strcmp(name, "write_flag"))   return s->write_flag;
    if (!strcmp(name, "bytes_read"))   return (double)s->bytes_read;
    if (!strcmp(name, "bytes_written")) return (double)s->bytes_written;
    if (!strcmp(name, "max_packet_size")) return s->max_packet_size;
    if (!strcmp(name, "direct"))       return s->direct;
    return -1;
}

/* avio_ctx->seekable = seekable, as C code sets it after avio_alloc_context (the one field the
 * TS API writes): e.g. 0 for a forward-only source that keeps seek for AVSEEK_SIZE. */
EMSCRIPTEN_KEEPALIVE void wb_avio_set_seekable(AVIOContext *s, int seekable) { s->seekable = seekable; }

EMSCRIPTEN_KEEPALIVE void *wb_av_malloc(size_t size) { return av_malloc(size); }
EMSCRIPTEN_KEEPALIVE void wb_av_free(void *ptr) { av_free(ptr); }

/* Bytes of the wasm heap currently handed out: the leak test and the cleanup exercise watch it. */
EMSCRIPTEN_KEEPALIVE size_t wb_heap_in_use(void)
{
    struct mallinfo mi = mallinfo();
    return mi.uordblks;
}

static char err_text[AV_ERROR_MAX_STRING_SIZE + 1];
EMSCRIPTEN_KEEPALIVE const char *wb_av_err2str(int err)
{
    av_strerror(err, err_text, sizeof(err_text));
    return err_text;
}

/* Every constant the TS API exposes, as this build defines it (errno values are
 * WASI's here, not Linux's), serialised once as JSON. */
static char constants_json[4096];
EMSCRIPTEN_KEEPALIVE const char *wb_constants_json(void)
{
    char *p = constants_json, *end = constants_json + sizeof(constants_json);
#define C(name, value) p += snprintf(p, end - p, "%s\"%s\":%.17g", p == constants_json + 1 ? "" : ",", name, (double)(value))
    *p++ = '{';
    C("AVERROR_EOF", AVERROR_EOF);
    C("AVERROR_EXIT", AVERROR_EXIT);
    C("AVERROR_EXTERNAL", AVERROR_EXTERNAL);
    C("AVERROR_INVALIDDATA", AVERROR_INVALIDDATA);
    C("AVERROR_PATCHWELCOME", AVERROR_PATCHWELCOME);
    C("AVERROR_BUG", AVERROR_BUG);
    C("AVERROR_UNKNOWN", AVERROR_UNKNOWN);
    C("AVERROR_BUFFER_TOO_SMALL", AVERROR_BUFFER_TOO_SMALL);
    C("AVERROR_DECODER_NOT_FOUND", AVERROR_DECODER_NOT_FOUND);
    C("AVERROR_DEMUXER_NOT_FOUND", AVERROR_DEMUXER_NOT_FOUND);
    C("AVERROR_ENCODER_NOT_FOUND", AVERROR_ENCODER_NOT_FOUND);
    C("AVERROR_MUXER_NOT_FOUND", AVERROR_MUXER_NOT_FOUND);
    C("AVERROR_STREAM_NOT_FOUND", AVERROR_STREAM_NOT_FOUND);
    C("AVERROR_OPTION_NOT_FOUND", AVERROR_OPTION_NOT_FOUND);
    C("EPERM", EPERM);
    C("ENOENT", ENOENT);
    C("EIO", EIO);
    C("EAGAIN", EAGAIN);
    C("ENOMEM", ENOMEM);
    C("EINVAL", EINVAL);
    C("ENOSPC", ENOSPC);
    C("ESPIPE", ESPIPE);
    C("EPIPE", EPIPE);
    C("ERANGE", ERANGE);
    C("ENOSYS", ENOSYS);
    C("SEEK_SET", SEEK_SET);
    C("SEEK_CUR", SEEK_CUR);
    C("SEEK_END", SEEK_END);
    C("AVSEEK_SIZE", AVSEEK_SIZE);
    C("AVSEEK_FORCE", AVSEEK_FORCE);
    C("AVIO_SEEKABLE_NORMAL", AVIO_SEEKABLE_NORMAL);
    C("AVIO_SEEKABLE_TIME", AVIO_SEEKABLE_TIME);
    C("AVFMT_FLAG_CUSTOM_IO", AVFMT_FLAG_CUSTOM_IO);
    C("AVMEDIA_TYPE_AUDIO", AVMEDIA_TYPE_AUDIO);
    C("AVMEDIA_TYPE_VIDEO", AVMEDIA_TYPE_VIDEO);
    C("AV_INPUT_BUFFER_PADDING_SIZE", AV_INPUT_BUFFER_PADDING_SIZE);
    C("AV_TIME_BASE", AV_TIME_BASE);
    C("AVSEEK_FLAG_BACKWARD", AVSEEK_FLAG_BACKWARD);
    C("AVSEEK_FLAG_BYTE", AVSEEK_FLAG_BYTE);
    C("AVSEEK_FLAG_ANY", AVSEEK_FLAG_ANY);
    C("AVSEEK_FLAG_FRAME", AVSEEK_FLAG_FRAME);
    C("AV_LOG_QUIET", AV_LOG_QUIET);
    C("AV_LOG_ERROR", AV_LOG_ERROR);
    C("AV_LOG_WARNING", AV_LOG_WARNING);
    C("AV_LOG_INFO", AV_LOG_INFO);
    C("AV_LOG_VERBOSE", AV_LOG_VERBOSE);
    C("AV_LOG_DEBUG", AV_LOG_DEBUG);
#undef C
    snprintf(p, end - p, "}");
    return constants_json;
}

/* av_log lines go to JS whole (FFmpeg emits a line in several calls). */
static char log_line[2048];
static size_t log_len;
static int log_prefix = 1;
static void log_callback(void *avcl, int level, const char *fmt, va_list vl)
{
    char part[1024];
    if (level > av_log_get_level())
        return;
    av_log_format_line2(avcl, level, fmt, vl, part, sizeof(part), &log_prefix);
    size_t n = strlen(part);
    if (log_len + n >= sizeof(log_line))
        n = sizeof(log_line) - 1 - log_len;
    memcpy(log_line + log_len, part, n);
    log_len += n;
    log_line[log_len] = 0;
    if (log_len && (log_line[log_len - 1] == '\n' || log_len == sizeof(log_line) - 1)) {
        if (log_line[log_len - 1] == '\n')
            log_line[log_len - 1] = 0;
        js_log(level, log_line);
        log_len = 0;
        log_line[0] = 0;
    }
}

EMSCRIPTEN_KEEPALIVE void wb_init(int log_level)
{
    av_log_set_level(log_level);
    av_log_set_callback(log_callback);
}

EMSCRIPTEN_KEEPALIVE const char *wb_ffmpeg_version(void) { return av_version_info(); }
