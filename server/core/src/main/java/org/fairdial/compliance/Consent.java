package org.fairdial.compliance;

import java.time.Instant;
import java.util.Objects;

/**
 * The callee's recorded consent to be called, as imported with the lead.
 *
 * @param source where it was given (a web form, a contract, a call), as the list says
 * @param at     when it was given
 */
public record Consent(String source, Instant at) {
    public Consent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
    }
}
