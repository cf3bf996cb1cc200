package org.fairdial.admin;

import java.time.InstantSource;
import java.util.Map;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.call.CallRegistry;
import org.fairdial.cdr.AsyncCdrWriter;
import org.fairdial.config.DialerConfig;
import org.fairdial.dialing.CampaignRunner;
import org.fairdial.media.MediaEngine;
import org.fairdial.sip.JainSipSignalling;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcCdrRepository;

/**
 * The parts of a running dialer the admin surface reads and steers.
 *
 * @param config    the configuration in force ({@code admin()} holds the HTTP settings)
 * @param agents    agent registry
 * @param calls     live calls
 * @param campaigns campaign runners by name (read-only for the admin surface)
 * @param cdrs      CDR store, for queries
 * @param cdrWriter the CDR queue
 * @param sip       signalling (traffic counters, open legs)
 * @param media     RTP legs
 * @param database  the store (audit trail)
 * @param clock     time source
 * @param controls  controls provided by other packages
 */
public record AdminContext(DialerConfig config, AgentRegistry agents, CallRegistry calls,
                           Map<String, CampaignRunner> campaigns, JdbcCdrRepository cdrs, AsyncCdrWriter cdrWriter,
                           JainSipSignalling sip, MediaEngine media, Database database, InstantSource clock,
                           AdminControls controls) {
}
