package org.fairdial.config;

import java.nio.file.Path;
import java.time.Duration;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.media.prompt.Prompt;

/**
 * One outbound campaign ({@code dialer.campaigns.NAME}).
 *
 * @param name                campaign name (CDRs, statistics, logs)
 * @param enabled             dial when the server starts
 * @param trunk               trunk the calls go out through
 * @param leadsFile           CSV of leads: number and optional name per row
 * @param defaultRegion       ISO 3166 region for numbers written without a country code, e.g. {@code IT}
 * @param callerId            number and name presented to the callee
 * @param profile             jurisdiction the campaign obeys
 * @param prompt              caller-identification recording played when no agent is free
 * @param dialRatio           calls in flight per available agent (progressive: 1.0)
 * @param ringTimeout         give up ringing (CANCEL) after this long; never below the profile's minimum
 * @param agentConnectTimeout an agent's phone must answer within this long after the callee answered
 * @param wrapUp              time an agent stays in wrap-up after a call before becoming available again
 * @param abandon             treatment of an answered call no agent can take
 * @param maxAttempts         calls to one lead at most
 * @param retryDelay          wait before calling a lead again after busy or no answer
 */
public record CampaignConfig(
        String name,
        boolean enabled,
        String trunk,
        Path leadsFile,
        String defaultRegion,
        CallerId callerId,
        JurisdictionProfile profile,
        Prompt prompt,
        double dialRatio,
        Duration ringTimeout,
        Duration agentConnectTimeout,
        Duration wrapUp,
        AbandonConfig abandon,
        int maxAttempts,
        Duration retryDelay) {

    /**
     * Number and name presented to the callee (From and P-Asserted-Identity).
     *
     * @param number E.164 number a callee can call back
     * @param name   display name, e.g. the organisation
     */
    public record CallerId(String number, String name) {
    }

    /**
     * Abandon treatment.
     *
     * @param maxDuration  BYE leaves no later than this after the callee's 200 OK
     * @param promptDelay  comfort noise alone for this long before the prompt starts
     */
    public record AbandonConfig(Duration maxDuration, Duration promptDelay) {
    }
}
