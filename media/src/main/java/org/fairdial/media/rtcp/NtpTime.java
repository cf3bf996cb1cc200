package org.fairdial.media.rtcp;

import java.time.Instant;

/** The 64-bit NTP timestamps of sender reports (RFC 3550 section 4): seconds since 1900, 32.32 fixed point. */
final class NtpTime {
    /** Seconds from 1900-01-01 (NTP era 0) to 1970-01-01. */
    static final long UNIX_EPOCH_OFFSET = 2_208_988_800L;

    private NtpTime() {
    }

    static long of(Instant at) {
        long seconds = at.getEpochSecond() + UNIX_EPOCH_OFFSET;
        long fraction = ((long) at.getNano() << 32) / 1_000_000_000L;
        return (seconds << 32) | fraction;
    }

    /** The middle 32 bits, as LSR and the round-trip computation use them (section 6.4.1). */
    static long middle(long ntp) {
        return (ntp >>> 16) & 0xFFFF_FFFFL;
    }

    /** Units of 1/65536 s (the middle-32-bit format) as milliseconds. */
    static double toMillis(long units) {
        return units * 1000.0 / 65536.0;
    }
}
