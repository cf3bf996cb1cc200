package org.fairdial.ports;

import java.util.Map;

/** What the dialer remembers about each lead across restarts. */
public interface LeadStates {
    /** The campaign's lead states by lead id. */
    Map<String, LeadState> load(String campaign);

    void save(LeadState lead);
}
