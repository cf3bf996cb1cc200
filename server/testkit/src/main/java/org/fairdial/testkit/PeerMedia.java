package org.fairdial.testkit;

import java.util.List;

/**
 * What answers the SDP offers a test peer receives. {@link LoopbackRtp} is the testkit's own; a caller with a real
 * media engine (the demo) plugs its engine in instead.
 */
public interface PeerMedia {

    /**
     * Opens media for one call and answers its offer.
     *
     * @param user    the user part of the request URI (dialed number or agent id)
     * @param offer   the SDP offer of the INVITE
     * @param codecs  encoding names the answer should list, in order (e.g. PCMU, PCMA); empty: the media's choice
     * @param sendRtp whether the peer sends RTP towards the offer's address
     */
    Session answer(String user, String offer, List<String> codecs, boolean sendRtp) throws Exception;

    /** One call's media: its SDP answer; closing it stops sending and receiving. */
    interface Session extends AutoCloseable {
        String sdp();

        @Override
        void close();
    }
}
