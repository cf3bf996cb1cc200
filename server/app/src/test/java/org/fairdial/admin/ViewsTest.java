package org.fairdial.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.LegIds;
import org.fairdial.cdr.LegKind;
import org.fairdial.privacy.NumberMask;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.Test;

/** docs/api.md: a viewer's CDR legs show the callee's number nowhere, supervisors see it in full. */
class ViewsTest {
    private static final String N = "+390298765432";
    private static final NumberMask MASK = NumberMask.DEFAULT;

    @Test
    void aViewerSeesTheCustomerLegWithTheNumberAndTheLeadIdMasked() {
        CdrLeg customer = TestLegs.distinct("c", LegIds.next(), UUID.randomUUID(), N, TestLegs.T0);

        ObjectNode viewer = Views.cdr(customer, false, MASK);
        assertFalse(viewer.toString().contains("298765432"), viewer.toString());
        assertEquals("***5432", viewer.get("leadId").asText());
        assertEquals("***5432", viewer.get("normalizedNumber").asText());
        assertEquals("sip:dialer@fairdial.test", viewer.get("fromUri").asText(), "our own From stays");
        assertEquals(N, Views.cdr(customer, true, MASK).get("leadId").asText());
    }

    @Test
    void aViewerSeesTheAgentLegWithoutTheNumberItsFromUriPresentedToTheAgent() {
        CdrLeg a = TestLegs.agent("c", UUID.randomUUID(), Disposition.ANSWERED, TestLegs.T0);
        CdrLeg agent = new CdrLeg(a.legId(), a.callId(), LegKind.AGENT, "c", null, a.dialedNumber(), null,
                "sip:" + N + "@dialer.test", a.toUri(), a.callerId(), null, a.agent(), a.sipCallId(), a.createdAt(),
                a.ringingAt(), a.answeredAt(), a.bridgedAt(), a.endedAt(), a.postDialDelayMs(), false, a.ringMs(),
                a.talkMs(), a.disposition(), a.sipCode(), a.sipReason(), null, a.hangupSide(), false, 0, a.rtpSent(),
                a.rtpReceived(), a.rtpLost());

        ObjectNode viewer = Views.cdr(agent, false, MASK);
        assertFalse(viewer.toString().contains("298765432"), viewer.toString());
        assertEquals("sip:***5432@dialer.test", viewer.get("fromUri").asText());
        assertEquals("sip:agent-7@10.0.0.7:5060", viewer.get("toUri").asText(), "the agent's contact stays");
        assertTrue(Views.cdr(agent, true, MASK).get("fromUri").asText().contains(N));
    }
}
