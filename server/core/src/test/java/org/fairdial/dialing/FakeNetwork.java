package org.fairdial.dialing;

import org.fairdial.media.DtmfListener;
import java.util.ArrayList;
import java.util.List;
import org.fairdial.call.CallSession;
import org.fairdial.call.CallSignalling;
import org.fairdial.cdr.LegKind;
import org.fairdial.media.MediaEngine;
import org.fairdial.media.MediaLeg;
import org.fairdial.media.RtpStats;
import org.fairdial.media.prompt.Treatment;
import org.fairdial.media.sdp.NegotiatedMedia;

/** SIP and RTP stand-ins for call control: each INVITE is recorded, media legs do nothing. */
final class FakeNetwork implements CallSignalling, MediaEngine {
    final List<String> invites = new ArrayList<>();
    private int open;

    @Override
    public SentInvite inviteCustomer(CallSession call, String sdpOffer) {
        invites.add(call.plan().e164());
        return new SentInvite("c-" + call.callId(), "sip:dialer@fairdial", "sip:callee@carrier");
    }

    @Override
    public SentInvite inviteAgent(CallSession call, String agentId, String contactUri, String sdpOffer) {
        return new SentInvite("a-" + call.callId(), "sip:dialer@fairdial", contactUri);
    }

    @Override
    public void cancel(CallSession call, LegKind leg) {
    }

    @Override
    public void ack(CallSession call, LegKind leg) {
    }

    @Override
    public void bye(CallSession call, LegKind leg) {
    }

    @Override
    public MediaLeg openLeg(String id) {
        open++;
        return new MediaLeg() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public void onDtmf(DtmfListener listener) {
                // the runner's tests send no keys
            }

            @Override
            public int localPort() {
                return 20000;
            }

            @Override
            public String createOffer() {
                return "v=0";
            }

            @Override
            public NegotiatedMedia applyAnswer(String sdpAnswer) {
                return null;
            }

            @Override
            public String answerOffer(String sdpOffer) {
                return sdpOffer;
            }

            @Override
            public void playTreatment(Treatment treatment, Runnable onPromptFinished) {
            }

            @Override
            public void stopTreatment() {
            }

            @Override
            public void bridgeTo(MediaLeg other) {
            }

            @Override
            public RtpStats stats() {
                return RtpStats.NONE;
            }

            @Override
            public void close() {
                open--;
            }
        };
    }

    @Override
    public int openLegs() {
        return open;
    }

    @Override
    public void close() {
    }
}
