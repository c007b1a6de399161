/*
 * mux_encode.c — the output side (write_flag = 1): interleaved s16 PCM is
 * encoded (pcm_s16le, flac or alac) and muxed (wav, flac, mp4, ipod = m4a, mov)
 * into a custom pb whose write_packet/seek are the learner's.
 */
#include <emscripten.h>
#include <string.h>

#include "libavformat/avformat.h"
#include "libavcodec/avcodec.h"
#include "libavutil/channel_layout.h"
#include "libavutil/dict.h"

/* The host checks these too (src/avio/mux.ts); C does not trust the count it is given. */
#define WB_MAX_OPTIONS 32

/* filename may be NULL: with a custom pb it is only a name (oc->url), e.g. for the ipod muxer's
 * ".m4a" check (movenc.c mov_find_codec_tag()) and for io_open (ff_format_shift_data()). */
EMSCRIPTEN_KEEPALIVE AVFormatContext *wb_avformat_alloc_output_context2(const char *format_name, const char *filename, int *err)
{
    AVFormatContext *oc = NULL;
    *err = avformat_alloc_output_context2(&oc, NULL, format_name, filename);
    return oc;
}

typedef struct WbMuxer {
    AVFormatContext *oc;
    AVStream *st;
    AVCodecContext *enc;
    AVFrame *frame;
    AVPacket *pkt;
    int64_t next_pts;
    int chunk;             /* samples per frame sent to the encoder */
    int pending;           /* samples waiting in frame */
    int planar;            /* the encoder takes s16p (alac), not interleaved s16 */
} WbMuxer;

/* s16 if the encoder takes it, else s16p (alac offers only s32p and s16p). */
static enum AVSampleFormat pick_s16(const AVCodec *codec, int *planar)
{
    const enum AVSampleFormat *f;
    *planar = 0;
    for (f = codec->sample_fmts; f && *f != AV_SAMPLE_FMT_NONE; f++)
        if (*f == AV_SAMPLE_FMT_S16)
            return *f;
    *planar = 1;
    return AV_SAMPLE_FMT_S16P;
}

/* avformat_new_stream plus the encoder behind it. */
EMSCRIPTEN_KEEPALIVE
WbMuxer *wb_mux_new_stream(AVFormatContext *oc, const char *encoder_name, int sample_rate, int channels, int *err)
{
    WbMuxer *m = av_mallocz(sizeof(*m));
    const AVCodec *codec = avcodec_find_encoder_by_name(encoder_name);
    int ret = AVERROR(ENOMEM);
    if (!m)
        goto fail;
    m->oc = oc;
    if (!codec) {
        ret = AVERROR_ENCODER_NOT_FOUND;
        goto fail;
    }
    if (!(m->st = avformat_new_stream(oc, NULL)) || !(m->enc = avcodec_alloc_context3(codec)) ||
        !(m->frame = av_frame_alloc()) || !(m->pkt = av_packet_alloc()))
        goto fail;
    m->enc->sample_fmt = pick_s16(codec, &m->planar);
    m->enc->sample_rate = sample_rate;
    av_channel_layout_default(&m->enc->ch_layout, channels);
    m->enc->time_base = (AVRational){ 1, sample_rate };
    if (oc->oformat->flags & AVFMT_GLOBALHEADER)
        m->enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if ((ret = avcodec_open2(m->enc, codec, NULL)) < 0)
        goto fail;
    if ((ret = avcodec_parameters_from_context(m->st->codecpar, m->enc)) < 0)
        goto fail;
    m->st->time_base = m->enc->time_base;
    m->chunk = m->enc->frame_size > 0 ? m->enc->frame_size : 4096;
    m->frame->format = m->enc->sample_fmt;
    m->frame->sample_rate = sample_rate;
    m->frame->nb_samples = m->chunk;
    if ((ret = av_channel_layout_copy(&m->frame->ch_layout, &m->enc->ch_layout)) < 0 ||
        (ret = av_frame_get_buffer(m->frame, 0)) < 0)
        goto fail;
    *err = 0;
    return m;
fail:
    *err = ret;
    if (m) {
        avcodec_free_context(&m->enc);
        av_frame_free(&m->frame);
        av_packet_free(&m->pkt);
        av_free(m);
    }
    return NULL;
}

/*
 * avformat_write_header(oc, &options) with options built here from n key/value C strings (kv[2i],
 * kv[2i+1]) the host copied in. What the muxer did not take stays in the dictionary, as in FFmpeg;
 * it is logged so a misspelt key does not pass in silence (the ffmpeg CLI says the same).
 */
EMSCRIPTEN_KEEPALIVE int wb_avformat_write_header(AVFormatContext *oc, const char *const *kv, int n)
{
    AVDictionary *options = NULL;
    const AVDictionaryEntry *e = NULL;
    int i, ret;
    if (n < 0 || n > WB_MAX_OPTIONS)
        return AVERROR(EINVAL);
    for (i = 0; i < n; i++)
        if ((ret = av_dict_set(&options, kv[2 * i], kv[2 * i + 1], 0)) < 0) {
            av_dict_free(&options);
            return ret;
        }
    ret = avformat_write_header(oc, n ? &options : NULL);
    while ((e = av_dict_get(options, "", e, AV_DICT_IGNORE_SUFFIX)))
        av_log(oc, AV_LOG_WARNING, "avformat_write_header: option '%s' not found (not used by the %s muxer)\n",
               e->key, oc->oformat->name);
    av_dict_free(&options);
    return ret;
}
EMSCRIPTEN_KEEPALIVE int wb_av_write_trailer(AVFormatContext *oc) { return av_write_trailer(oc); }

static int drain(WbMuxer *m)
{
    int ret;
    while ((ret = avcodec_receive_packet(m->enc, m->pkt)) >= 0) {
        av_packet_rescale_ts(m->pkt, m->enc->time_base, m->st->time_base);
        m->pkt->stream_index = m->st->index;
        if ((ret = av_interleaved_write_frame(m->oc, m->pkt)) < 0)
            return ret;
    }
    return ret == AVERROR(EAGAIN) || ret == AVERROR_EOF ? 0 : ret;
}

static int send_pending(WbMuxer *m)
{
    int ret, full = m->frame->nb_samples;
    if (!m->pending)
        return 0;
    m->frame->nb_samples = m->pending;
    m->frame->pts = m->next_pts;
    m->next_pts += m->pending;
    m->pending = 0;
    ret = avcodec_send_frame(m->enc, m->frame);
    m->frame->nb_samples = full;
    if (ret < 0)
        return ret;
    return drain(m);
}

/* Appends interleaved s16 samples; full frames go to the encoder and muxer. */
EMSCRIPTEN_KEEPALIVE int wb_mux_write_s16(WbMuxer *m, const int16_t *samples, int nb_samples)
{
    int channels = m->enc->ch_layout.nb_channels, ret;
    while (nb_samples > 0) {
        int n = FFMIN(nb_samples, m->chunk - m->pending);
        if ((ret = av_frame_make_writable(m->frame)) < 0)
            return ret;
        if (m->planar) {
            for (int c = 0; c < channels; c++) {
                int16_t *dst = (int16_t *)m->frame->data[c] + m->pending;
                for (int i = 0; i < n; i++)
                    dst[i] = samples[i * channels + c];
            }
        } else
            memcpy(m->frame->data[0] + m->pending * channels * 2, samples, n * channels * 2);
        m->pending += n;
        samples += n * channels;
        nb_samples -= n;
        if (m->pending == m->chunk && (ret = send_pending(m)) < 0)
            return ret;
    }
    return 0;
}

/* Sends the last partial frame and flushes the encoder. */
EMSCRIPTEN_KEEPALIVE int wb_mux_flush(WbMuxer *m)
{
    int ret;
    if ((ret = send_pending(m)) < 0)
        return ret;
    if ((ret = avcodec_send_frame(m->enc, NULL)) < 0)
        return ret;
    return drain(m);
}

EMSCRIPTEN_KEEPALIVE void wb_mux_free(WbMuxer *m)
{
    if (!m)
        return;
    avcodec_free_context(&m->enc);
    av_frame_free(&m->frame);
    av_packet_free(&m->pkt);
    av_free(m);
}
