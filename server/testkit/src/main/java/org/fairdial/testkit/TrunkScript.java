package org.fairdial.testkit;

import java.time.Duration;
import java.util.List;

/**
 * What {@link FakeTrunk} does with one INVITE. Build one with a factory ({@link #answer}, {@link #reject},
 * {@link #neverAnswer}) and refine it with the {@code with...} methods; every instance is immutable.
 *
 * @param rejectCode      final error sent at once (486, 503...), or 0
 * @param ring            a 180 Ringing is sent
 * @param provisionalAfter delay before the 180 (zero: at once); the RI may still send its own 100 Trying
 * @param answer          a 200 OK with SDP is sent once {@code ringFor} has passed
 * @param ringFor         time from the INVITE to the 200
 * @param hangUpAfter     the trunk BYEs this long after answering, or null: it waits for our BYE
 * @param extra200s       copies of the 200 sent, 50 ms apart, once the first ACK arrived: the 2xx retransmissions
 *                        of a UAS whose ACK was lost (RFC 3261 13.3.1.4); each must be ACKed again
 * @param answerOnCancel  a CANCEL is answered 200 and then the INVITE is answered 200 too, as when the callee
 *                        picked up while our CANCEL was on the wire (RFC 3261 9.1: the UAC must ACK and BYE)
 * @param challengeCode   401 or 407: INVITEs without valid digest credentials for {@code user}/{@code password}
 *                        are challenged; 0: no authentication
 * @param codecs          encodings the SDP answer lists (PCMU, PCMA...); empty: the media's default
 * @param sendRtp         the callee sends RTP once answered
 */
public record TrunkScript(int rejectCode, boolean ring, Duration provisionalAfter, boolean answer, Duration ringFor,
                          Duration hangUpAfter, int extra200s, boolean answerOnCancel, int challengeCode, String user,
                          String password, List<String> codecs, boolean sendRtp) {

    public TrunkScript {
        codecs = List.copyOf(codecs);
        if (challengeCode != 0 && challengeCode != 401 && challengeCode != 407) {
            throw new IllegalArgumentException("a trunk challenges with 401 or 407, not " + challengeCode);
        }
    }

    /** Rings (180 at once) and answers after {@code ringFor}, PCMU, sending RTP; waits for our BYE. */
    public static TrunkScript answer(Duration ringFor) {
        return new TrunkScript(0, true, Duration.ZERO, true, ringFor, null, 0, false, 0, null, null,
                List.of("PCMU"), true);
    }

    /** Answers with a final error at once. */
    public static TrunkScript reject(int code) {
        return new TrunkScript(code, false, Duration.ZERO, false, Duration.ZERO, null, 0, false, 0, null, null,
                List.of(), false);
    }

    /** Rings and never answers: the dialer must CANCEL (answered 200 then 487). */
    public static TrunkScript neverAnswer() {
        return new TrunkScript(0, true, Duration.ZERO, false, Duration.ZERO, null, 0, false, 0, null, null,
                List.of("PCMU"), true);
    }

    public TrunkScript withProvisionalAfter(Duration delay) {
        return new TrunkScript(rejectCode, ring, delay, answer, ringFor, hangUpAfter, extra200s, answerOnCancel,
                challengeCode, user, password, codecs, sendRtp);
    }

    public TrunkScript withoutRinging() {
        return new TrunkScript(rejectCode, false, provisionalAfter, answer, ringFor, hangUpAfter, extra200s,
                answerOnCancel, challengeCode, user, password, codecs, sendRtp);
    }

    public TrunkScript withHangUpAfter(Duration talk) {
        return new TrunkScript(rejectCode, ring, provisionalAfter, answer, ringFor, talk, extra200s, answerOnCancel,
                challengeCode, user, password, codecs, sendRtp);
    }

    public TrunkScript withRetransmitted200(int copies) {
        return new TrunkScript(rejectCode, ring, provisionalAfter, answer, ringFor, hangUpAfter, copies,
                answerOnCancel, challengeCode, user, password, codecs, sendRtp);
    }

    public TrunkScript withAnswerOnCancel() {
        return new TrunkScript(rejectCode, ring, provisionalAfter, answer, ringFor, hangUpAfter, extra200s, true,
                challengeCode, user, password, codecs, sendRtp);
    }

    public TrunkScript withChallenge(int code, String user, String password) {
        return new TrunkScript(rejectCode, ring, provisionalAfter, answer, ringFor, hangUpAfter, extra200s,
                answerOnCancel, code, user, password, codecs, sendRtp);
    }

    public TrunkScript withCodecs(String... names) {
        return new TrunkScript(rejectCode, ring, provisionalAfter, answer, ringFor, hangUpAfter, extra200s,
                answerOnCancel, challengeCode, user, password, List.of(names), sendRtp);
    }

    public TrunkScript withoutRtp() {
        return new TrunkScript(rejectCode, ring, provisionalAfter, answer, ringFor, hangUpAfter, extra200s,
                answerOnCancel, challengeCode, user, password, codecs, false);
    }
}
