package org.fairdial.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import java.net.InetSocketAddress;

/**
 * A valid RTP packet as it left the {@link RtpDecoder}: the parsed header, the payload (a retained slice of the
 * datagram, so it must be released) and the address it came from, which symmetric RTP needs.
 */
public final class ReceivedRtp extends DefaultByteBufHolder {
    private final RtpHeader header;
    private final InetSocketAddress sender;

    public ReceivedRtp(RtpHeader header, ByteBuf payload, InetSocketAddress sender) {
        super(payload);
        this.header = header;
        this.sender = sender;
    }

    public RtpHeader header() {
        return header;
    }

    public InetSocketAddress sender() {
        return sender;
    }

    @Override
    public ReceivedRtp replace(ByteBuf content) {
        return new ReceivedRtp(header, content, sender);
    }

    @Override
    public ReceivedRtp retain() {
        super.retain();
        return this;
    }

    @Override
    public ReceivedRtp touch(Object hint) {
        super.touch(hint);
        return this;
    }
}
