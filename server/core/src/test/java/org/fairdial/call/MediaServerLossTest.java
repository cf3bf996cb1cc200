package org.fairdial.call;

import static org.fairdial.call.CallFixtures.BRIDGED;
import static org.fairdial.call.CallFixtures.ENDED_AGENT_DONE;
import static org.fairdial.call.CallFixtures.end;
import static org.fairdial.cdr.LegKind.AGENT;
import static org.fairdial.cdr.LegKind.CUSTOMER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.fairdial.call.CallEffect.ReleaseAgent;
import org.fairdial.call.CallEffect.SendBye;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.junit.jupiter.api.Test;

/**
 * A media engine that loses a bridged leg itself (the Kurento server failed) feeds the RTP timeout's path, with
 * its own reason in both CDRs instead of "no RTP from the callee".
 */
class MediaServerLossTest {
    private static final String REASON = "media server connection lost (ws://kms:8888/kurento)";

    @Test
    void aLossWithAReasonEndsTheBridgeLikeSilenceWithThatReason() {
        Step customer = CallTransitions.next(BRIDGED, new CallEvent.MediaLost(CUSTOMER, REASON));
        assertEquals(Step.to(ENDED_AGENT_DONE, new SendBye(CUSTOMER), new SendBye(AGENT),
                end(CUSTOMER, Disposition.ANSWERED, HangupSide.DIALER, REASON),
                end(AGENT, Disposition.ANSWERED, HangupSide.DIALER, REASON),
                new ReleaseAgent(AgentRelease.WRAP_UP)), customer);
        Step agent = CallTransitions.next(BRIDGED, new CallEvent.MediaLost(AGENT, REASON));
        assertEquals(List.of(new SendBye(CUSTOMER), new SendBye(AGENT),
                end(CUSTOMER, Disposition.ANSWERED, HangupSide.DIALER, REASON),
                end(AGENT, Disposition.ANSWERED, HangupSide.DIALER, REASON),
                new ReleaseAgent(AgentRelease.UNAVAILABLE)), agent.effects());
    }

    @Test
    void theSilentPeerKeepsItsOwnReasons() {
        assertEquals(CallTransitions.next(BRIDGED, CallFixtures.CALLEE_SILENT),
                CallTransitions.next(BRIDGED, new CallEvent.MediaLost(CUSTOMER, null)));
    }
}
