package org.fairdial.config;

import java.time.Duration;
import java.util.List;

/**
 * How agents end wrap-up ({@code dialer.campaigns.NAME.dispositions}): the codes they may pick, in the order the
 * feature code numbers them ({@code *71} is the first), and how a CALLBACK is dialed. Codes with an effect:
 * {@code DNC} (internal do-not-call list at once), {@code ANSWERING_MACHINE} (Ofcom's formula), {@code CALLBACK}
 * (dialed again at the time given, within calling hours), {@code NO_CONSENT} (no campaign needing consent dials
 * the number); every code ends the lead except CALLBACK and ANSWERING_MACHINE (retried by the campaign's rules).
 *
 * @param codes             the codes agents may pick
 * @param callbackDelay     when a CALLBACK comes without a time: this long after the disposition
 * @param callbackAgentOnly a CALLBACK waits for the agent who took the call (else any agent)
 */
public record DispositionConfig(List<String> codes, Duration callbackDelay, boolean callbackAgentOnly) {
    /** The codes of issue 9, callbacks in a day by anyone. */
    public static final DispositionConfig DEFAULT = new DispositionConfig(List.of("SALE", "NOT_INTERESTED",
            "CALLBACK", "DNC", "ANSWERING_MACHINE", "WRONG_NUMBER", "NO_CONSENT"), Duration.ofDays(1), false);

    public DispositionConfig {
        codes = List.copyOf(codes);
    }

    /** The code numbered {@code n} (1-based), or null. */
    public String byNumber(int n) {
        return n >= 1 && n <= codes.size() ? codes.get(n - 1) : null;
    }
}
