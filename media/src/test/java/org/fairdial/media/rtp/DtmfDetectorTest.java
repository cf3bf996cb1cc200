package org.fairdial.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** RFC 4733 telephone-event packets in, key presses out: one per event, whatever is retransmitted or lost. */
class DtmfDetectorTest {
    private static final long SSRC = 0x1234_5678L;
    private final DtmfDetector detector = new DtmfDetector();
    private int sequence = 100;

    /** One packet of event {@code code} started at {@code timestamp}, {@code duration} samples in. */
    private char packet(long timestamp, int code, boolean end, int duration) {
        RtpHeader header = new RtpHeader(duration == 160, 101, sequence++, timestamp, SSRC, 12, 4);
        byte[] payload = {(byte) code, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
        return detector.offer(header, Unpooled.wrappedBuffer(payload));
    }

    /** The packets a phone sends for one key: three updates, then the end three times (RFC 4733 2.5.1.4). */
    private String press(long timestamp, int code) {
        StringBuilder keys = new StringBuilder();
        for (int d = 160; d <= 480; d += 160) {
            append(keys, packet(timestamp, code, false, d));
        }
        for (int i = 0; i < 3; i++) {
            append(keys, packet(timestamp, code, true, 640));
        }
        return keys.toString();
    }

    private static void append(StringBuilder keys, char key) {
        if (key != DtmfDetector.NONE) {
            keys.append(key);
        }
    }

    @Test
    void oneKeyPressIsReportedOnceOnItsFirstEndPacket() {
        assertEquals(DtmfDetector.NONE, packet(8000, 9, false, 160), "not before the end");
        assertEquals(DtmfDetector.NONE, packet(8000, 9, false, 320));
        assertEquals('9', packet(8000, 9, true, 480));
        assertEquals(DtmfDetector.NONE, packet(8000, 9, true, 480), "retransmitted end");
        assertEquals(DtmfDetector.NONE, packet(8000, 9, true, 480), "retransmitted end");
    }

    @Test
    void everyKeyOfTheKeypadMapsToItsEventCode() {
        StringBuilder keys = new StringBuilder();
        for (int code = 0; code <= 11; code++) {
            keys.append(press(10_000 + 1000L * code, code));
        }
        assertEquals("0123456789*#", keys.toString());
    }

    @Test
    void theSameKeyTwiceIsTwoPresses() {
        assertEquals("55", press(1000, 5) + press(2000, 5));
    }

    @Test
    void aPressWhoseEndPacketsAreAllLostIsReportedWhenTheNextBegins() {
        packet(1000, 3, false, 160);
        packet(1000, 3, false, 320);
        assertEquals('3', packet(2000, 4, false, 160));
        assertEquals('4', packet(2000, 4, true, 320));
    }

    @Test
    void eventsThatAreNoKeysAndShortPayloadsAreIgnored() {
        assertEquals("", press(1000, 12) + press(2000, 16), "A and flash");
        RtpHeader header = new RtpHeader(true, 101, 1, 3000, SSRC, 12, 2);
        assertEquals(DtmfDetector.NONE, detector.offer(header, Unpooled.wrappedBuffer(new byte[] {9, (byte) 0x80})));
    }

    @Test
    void aNewSourceStartsAfresh() {
        assertEquals('1', packet(1000, 1, true, 160));
        RtpHeader other = new RtpHeader(false, 101, 7, 1000, SSRC + 1, 12, 4);
        assertEquals('1', detector.offer(other, Unpooled.wrappedBuffer(new byte[] {1, (byte) 0x80, 0, (byte) 160})),
                "same timestamp, another SSRC: another press");
    }
}
