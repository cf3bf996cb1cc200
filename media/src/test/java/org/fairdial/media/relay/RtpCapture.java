package org.fairdial.media.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import org.fairdial.media.codec.Codec;
import org.fairdial.media.codec.G711;
import org.fairdial.media.prompt.AudioLevel;
import org.fairdial.media.rtp.RtpHeader;
import org.fairdial.media.rtp.RtpParser;
import org.fairdial.media.rtp.RtpWriter;

/** One RTP packet as a test peer saw it, plus helpers to build packets to send. */
record RtpCapture(RtpHeader header, byte[] payload, long receivedNanos) {

    static RtpCapture of(ByteBuf buf, long receivedNanos) {
        RtpHeader header = (RtpHeader) RtpParser.parse(buf);
        byte[] payload = new byte[header.payloadLength()];
        buf.getBytes(buf.readerIndex() + header.payloadOffset(), payload);
        return new RtpCapture(header, payload, receivedNanos);
    }

    static RtpCapture of(byte[] datagram, int length, long receivedNanos) {
        return of(Unpooled.wrappedBuffer(datagram, 0, length), receivedNanos);
    }

    /** Level of the payload once decoded with {@code codec}. */
    double dbfs(Codec codec) {
        short[] pcm = new short[payload.length];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = G711.decode(codec, payload[i]);
        }
        return AudioLevel.dbfs(pcm, 0, pcm.length);
    }

    static byte[] packet(boolean marker, int pt, int seq, long ts, long ssrc, byte[] payload) {
        ByteBuf buf = Unpooled.buffer();
        RtpWriter.writeHeader(buf, marker, pt, seq, ts, ssrc);
        buf.writeBytes(payload);
        return Arrays.copyOf(buf.array(), buf.writerIndex());
    }
}
