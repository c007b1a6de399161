/*
 * demux_decode.c — the input side: avformat_open_input on a preset pb, stream
 * info, and a decode loop that converts every frame to interleaved s16 or f32
 * with libswresample and hands it to JS.
 *
 * Each function is one FFmpeg step, so the TS API can be called in the same
 * order as FFmpeg's doc/examples (avio_reading.c, decode_audio.c).
 */
#include <emscripten.h>
#include <stdint.h>
#include <string.h>

#include "libavformat/avformat.h"
#include "libavcodec/avcodec.h"
#include "libswresample/swresample.h"
#include "libavutil/opt.h"
#include "libavutil/channel_layout.h"

/* Returns nonzero when JS wants the loop to stop (e.g. its budget ran out). Channels and
 * rate come from the decoded frames: without avformat_find_stream_info the stream's
 * parameters may still say 0. */
EM_JS(int, js_on_pcm, (int handle, const uint8_t *data, int nb_samples, int channels, int sample_rate), {
  return Module.avioCallbacks.pcm(handle, data, nb_samples, channels, sample_rate);
});

EMSCRIPTEN_KEEPALIVE AVFormatContext *wb_avformat_alloc_context(void) { return avformat_alloc_context(); }
EMSCRIPTEN_KEEPALIVE void wb_fmt_set_pb(AVFormatContext *s, AVIOContext *pb) { s->pb = pb; }
EMSCRIPTEN_KEEPALIVE int wb_fmt_flags(AVFormatContext *s) { return s->flags; }
EMSCRIPTEN_KEEPALIVE void wb_fmt_set_probesize(AVFormatContext *s, double probesize) { s->probesize = (int64_t)probesize; }

/* URL NULL: with pb preset, libavformat probes the bytes read_packet returns.
 * On failure FFmpeg frees the context (and sets its pointer to NULL). */
EMSCRIPTEN_KEEPALIVE int wb_avformat_open_input(AVFormatContext *s)
{
    return avformat_open_input(&s, NULL, NULL, NULL);
}

EMSCRIPTEN_KEEPALIVE int wb_avformat_find_stream_info(AVFormatContext *s)
{
    return avformat_find_stream_info(s, NULL);
}

EMSCRIPTEN_KEEPALIVE int wb_av_find_best_stream(AVFormatContext *s, int type)
{
    return av_find_best_stream(s, type, -1, -1, NULL, 0);
}

EMSCRIPTEN_KEEPALIVE void wb_avformat_close_input(AVFormatContext *s) { avformat_close_input(&s); }
EMSCRIPTEN_KEEPALIVE void wb_avformat_free_context(AVFormatContext *s) { avformat_free_context(s); }

EMSCRIPTEN_KEEPALIVE void wb_av_dump_format(AVFormatContext *s, int is_output)
{
    av_dump_format(s, 0, is_output ? "memory output" : "memory input", is_output);
}

EMSCRIPTEN_KEEPALIVE const char *wb_format_name(AVFormatContext *s)
{
    return s->iformat ? s->iformat->name : s->oformat ? s->oformat->name : "";
}

EMSCRIPTEN_KEEPALIVE int wb_nb_streams(AVFormatContext *s) { return s->nb_streams; }

EMSCRIPTEN_KEEPALIVE const char *wb_codec_name(AVFormatContext *s, int i)
{
    return avcodec_get_name(s->streams[i]->codecpar->codec_id);
}

/* Naming what this build lacks. Codec descriptors (libavcodec/codec_desc.c) are compiled in
 * whether or not a decoder is, so avcodec_get_name and avcodec_descriptor_get name a codec we
 * cannot decode; avcodec_find_decoder says whether we can. */
EMSCRIPTEN_KEEPALIVE const char *wb_codec_long_name(AVFormatContext *s, int i)
{
    const AVCodecDescriptor *d = avcodec_descriptor_get(s->streams[i]->codecpar->codec_id);
    return d && d->long_name ? d->long_name : "";
}

EMSCRIPTEN_KEEPALIVE int wb_codec_has_decoder(AVFormatContext *s, int i)
{
    return avcodec_find_decoder(s->streams[i]->codecpar->codec_id) != NULL;
}

/* The container's tag for the codec (a WAV format tag, an MP4 fourcc): for codec_id NONE it is
 * all there is to name. */
EMSCRIPTEN_KEEPALIVE unsigned wb_codec_tag(AVFormatContext *s, int i) { return s->streams[i]->codecpar->codec_tag; }

/* What libavformat's probe (av_probe_input_format3, as av_probe_input_buffer2 uses it) makes of
 * the first bytes, among the demuxers built in: the best demuxer's name ("" if none scores above
 * 0) and its score (of AVPROBE_SCORE_MAX = 100) in *score. */
EMSCRIPTEN_KEEPALIVE const char *wb_probe(const uint8_t *data, int size, int *score)
{
    AVProbeData pd = { .filename = "", .buf_size = size };
    const AVInputFormat *f = NULL;
    *score = 0;
    /* The probe functions may read AVPROBE_PADDING_SIZE zeroed bytes past the end. */
    if (!(pd.buf = av_mallocz(size + AVPROBE_PADDING_SIZE)))
        return "";
    memcpy(pd.buf, data, size);
    f = av_probe_input_format3(&pd, 1, score);
    av_free(pd.buf);
    return f ? f->name : "";
}

/* The decoders and demuxers built in, {"decoders":[[name,long_name],…],"demuxers":[…]}, in a
 * static buffer: no heap allocation, so asking never looks like a leak to the heap checks
 * (Engine.heapInUse) of a run that happens to ask first. */
static char components[8192];
static size_t components_len;

static void put(const char *s)
{
    size_t n = strlen(s);
    if (components_len + n < sizeof(components)) {
        memcpy(components + components_len, s, n + 1);
        components_len += n;
    }
}

static void put_str(const char *s)
{
    char c[2] = { 0, 0 };
    put("\"");
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\')
            put("\\");
        c[0] = *s;
        put(c);
    }
    put("\"");
}

EMSCRIPTEN_KEEPALIVE const char *wb_components_json(void)
{
    void *it;
    const AVCodec *c;
    const AVInputFormat *f;
    int first;
    if (components_len)
        return components;
    put("{\"decoders\":[");
    for (it = NULL, first = 1; (c = av_codec_iterate(&it));) {
        if (!av_codec_is_decoder(c))
            continue;
        put(first ? "[" : ",[");
        put_str(c->name);
        put(",");
        put_str(c->long_name);
        put("]");
        first = 0;
    }
    put("],\"demuxers\":[");
    for (it = NULL, first = 1; (f = av_demuxer_iterate(&it));) {
        put(first ? "[" : ",[");
        put_str(f->name);
        put(",");
        put_str(f->long_name);
        put("]");
        first = 0;
    }
    put("]}");
    return components;
}

/* Stream facts for the info panel, written into out[0..5]. */
EMSCRIPTEN_KEEPALIVE void wb_stream_info(AVFormatContext *s, int i, double *out)
{
    AVStream *st = s->streams[i];
    double duration = -1;
    if (st->duration != AV_NOPTS_VALUE)
        duration = st->duration * av_q2d(st->time_base);
    else if (s->duration != AV_NOPTS_VALUE)
        duration = s->duration / (double)AV_TIME_BASE;
    out[0] = st->codecpar->codec_type;
    out[1] = st->codecpar->sample_rate;
    out[2] = st->codecpar->ch_layout.nb_channels;
    out[3] = duration;
    out[4] = (double)st->codecpar->bit_rate;
    out[5] = (double)s->bit_rate;
}

/* The stream's channel layout as FFmpeg names it ("5.1", "stereo", "6 channels"): the name
   ffprobe shows, from av_channel_layout_describe(). Valid until the next call. */
EMSCRIPTEN_KEEPALIVE const char *wb_channel_layout(AVFormatContext *s, int i)
{
    static char name[64];
    if (av_channel_layout_describe(&s->streams[i]->codecpar->ch_layout, name, sizeof(name)) < 0)
        name[0] = 0;
    return name;
}

typedef struct WbDecoder {
    AVFormatContext *fmt;
    int stream_index;
    int handle;
    enum AVSampleFormat out_fmt;
    AVCodecContext *dec;
    AVPacket *pkt;
    AVFrame *frame;
    SwrContext *swr;
    uint8_t *out;
    int out_capacity;      /* in samples per channel */
    int decode_errors;
} WbDecoder;

EMSCRIPTEN_KEEPALIVE int wb_decoder_errors(WbDecoder *d) { return d->decode_errors; }

/* Opens the decoder of one stream. Returns NULL with *err set on failure. */
EMSCRIPTEN_KEEPALIVE
WbDecoder *wb_decoder_open(AVFormatContext *fmt, int stream_index, int out_f32, int handle, int *err)
{
    WbDecoder *d = av_mallocz(sizeof(*d));
    const AVCodec *codec;
    int ret = AVERROR(ENOMEM);
    if (!d)
        goto fail;
    d->fmt = fmt;
    d->stream_index = stream_index;
    d->handle = handle;
    d->out_fmt = out_f32 ? AV_SAMPLE_FMT_FLT : AV_SAMPLE_FMT_S16;
    codec = avcodec_find_decoder(fmt->streams[stream_index]->codecpar->codec_id);
    if (!codec) {
        ret = AVERROR_DECODER_NOT_FOUND;
        goto fail;
    }
    if (!(d->dec = avcodec_alloc_context3(codec)) || !(d->pkt = av_packet_alloc()) || !(d->frame = av_frame_alloc()))
        goto fail;
    if ((ret = avcodec_parameters_to_context(d->dec, fmt->streams[stream_index]->codecpar)) < 0)
        goto fail;
    d->dec->pkt_timebase = fmt->streams[stream_index]->time_base;
    if ((ret = avcodec_open2(d->dec, codec, NULL)) < 0)
        goto fail;
    *err = 0;
    return d;
fail:
    *err = ret;
    if (d) {
        avcodec_free_context(&d->dec);
        av_packet_free(&d->pkt);
        av_frame_free(&d->frame);
        av_free(d);
    }
    return NULL;
}

EMSCRIPTEN_KEEPALIVE void wb_decoder_close(WbDecoder *d)
{
    if (!d)
        return;
    swr_free(&d->swr);
    avcodec_free_context(&d->dec);
    av_packet_free(&d->pkt);
    av_frame_free(&d->frame);
    av_freep(&d->out);
    av_free(d);
}

/* Converts one decoded frame (or flushes swr when frame is NULL) and passes it on. */
static int emit(WbDecoder *d, const AVFrame *frame)
{
    int ret, n, channels;
    if (!d->swr) {
        if (!frame)
            return 0;
        ret = swr_alloc_set_opts2(&d->swr, (AVChannelLayout *)&frame->ch_layout, d->out_fmt, frame->sample_rate,
                                  (AVChannelLayout *)&frame->ch_layout, frame->format, frame->sample_rate, 0, NULL);
        if (ret < 0 || (ret = swr_init(d->swr)) < 0)
            return ret;
    }
    channels = frame ? frame->ch_layout.nb_channels : d->dec->ch_layout.nb_channels;
    n = swr_get_out_samples(d->swr, frame ? frame->nb_samples : 0);
    if (n <= 0)
        return 0;
    if (n > d->out_capacity) {
        av_freep(&d->out);
        if ((ret = av_samples_alloc(&d->out, NULL, channels, n, d->out_fmt, 0)) < 0)
            return ret;
        d->out_capacity = n;
    }
    n = swr_convert(d->swr, &d->out, n,
                    frame ? (const uint8_t **)frame->extended_data : NULL,
                    frame ? frame->nb_samples : 0);
    if (n < 0)
        return n;
    if (n > 0 && js_on_pcm(d->handle, d->out, n, channels, frame ? frame->sample_rate : d->dec->sample_rate))
        return AVERROR_EXIT;
    return 0;
}

static int receive_all(WbDecoder *d)
{
    int ret;
    for (;;) {
        ret = avcodec_receive_frame(d->dec, d->frame);
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
            return 0;
        if (ret == AVERROR_INVALIDDATA) {   /* like the ffmpeg CLI: count, keep going */
            d->decode_errors++;
            continue;
        }
        if (ret < 0)
            return ret;
        ret = emit(d, d->frame);
        av_frame_unref(d->frame);
        if (ret < 0)
            return ret;
    }
}

/* The decode loop: av_read_frame → avcodec_send_packet → avcodec_receive_frame.
 * Returns 0 at the end of the stream, or the error that stopped it. */
EMSCRIPTEN_KEEPALIVE int wb_decoder_run(WbDecoder *d)
{
    int ret, read_ret;
    for (;;) {
        read_ret = av_read_frame(d->fmt, d->pkt);
        if (read_ret < 0)
            break;
        if (d->pkt->stream_index == d->stream_index) {
            ret = avcodec_send_packet(d->dec, d->pkt);
            if (ret == AVERROR_INVALIDDATA)
                d->decode_errors++;
            else if (ret < 0 && ret != AVERROR(EAGAIN)) {
                av_packet_unref(d->pkt);
                return ret;
            }
        }
        av_packet_unref(d->pkt);
        if ((ret = receive_all(d)) < 0)
            return ret;
    }
    /* Drain: the decoder holds delayed frames, swr may hold delayed samples. */
    if ((ret = avcodec_send_packet(d->dec, NULL)) < 0 && ret != AVERROR_EOF)
        return ret;
    if ((ret = receive_all(d)) < 0)
        return ret;
    if ((ret = emit(d, NULL)) < 0)
        return ret;
    return read_ret == AVERROR_EOF ? 0 : read_ret;
}

/* ---- Seeking from the application (lesson app-seek) ------------------------------------
 * av_seek_frame() and avformat_seek_file() as FFmpeg declares them; int64 timestamps travel
 * as double (exact to 2^53). The TS side (src/avio/seek.ts) checks the context is an opened
 * input and the arguments are integers in range before these run: av_seek_frame() itself
 * does not bound stream_index (libavformat/seek.c:seek_frame_internal()). */
EMSCRIPTEN_KEEPALIVE int wb_av_seek_frame(AVFormatContext *s, int stream_index, double timestamp, int flags)
{
    return av_seek_frame(s, stream_index, (int64_t)timestamp, flags);
}

EMSCRIPTEN_KEEPALIVE int wb_avformat_seek_file(AVFormatContext *s, int stream_index, double min_ts, double ts,
                                               double max_ts, int flags)
{
    return avformat_seek_file(s, stream_index, (int64_t)min_ts, (int64_t)ts, (int64_t)max_ts, flags);
}

/* AVStream.time_base, the unit of the stream's timestamps: out[0] num, out[1] den. */
EMSCRIPTEN_KEEPALIVE void wb_stream_time_base(AVFormatContext *s, int i, double *out)
{
    out[0] = s->streams[i]->time_base.num;
    out[1] = s->streams[i]->time_base.den;
}

/* av_rescale_q(a, bq, cq): a * bq / cq rounded to nearest (AV_ROUND_NEAR_INF), FFmpeg's own. */
EMSCRIPTEN_KEEPALIVE double wb_av_rescale_q(double a, int b_num, int b_den, int c_num, int c_den)
{
    return (double)av_rescale_q((int64_t)a, (AVRational){ b_num, b_den }, (AVRational){ c_num, c_den });
}
/* ---- end of app-seek ---------------------------------------------------------------------- */
