package org.fairdial.auth;

import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/**
 * A token bucket per source address (and whatever else the caller puts in the key, e.g. the SIP method): at most
 * {@code burst} requests at once, refilled at {@code perSecond}. Requests over the limit are for the caller to
 * drop; idle buckets are forgotten, so a scan over many addresses costs memory only while it lasts.
 */
public final class RequestRateLimit {
    private static final int SWEEP_AT = 10_000;

    private final double perSecond;
    private final double burst;
    private final InstantSource clock;
    private final Map<String, double[]> buckets = new HashMap<>();

    /** @param perSecond sustained requests per second per key; 0 turns the limit off */
    public RequestRateLimit(double perSecond, int burst, InstantSource clock) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.clock = clock;
    }

    /** Takes a token from {@code key}'s bucket: false when it is empty (the request is over the limit). */
    public synchronized boolean allow(String key) {
        if (perSecond <= 0) {
            return true;
        }
        double nowSeconds = clock.millis() / 1000.0;
        if (buckets.size() >= SWEEP_AT) {
            buckets.values().removeIf(b -> refilled(b, nowSeconds) >= burst);
        }
        double[] bucket = buckets.computeIfAbsent(key, k -> new double[] {burst, nowSeconds});
        double tokens = refilled(bucket, nowSeconds);
        bucket[1] = nowSeconds;
        if (tokens < 1) {
            bucket[0] = tokens;
            return false;
        }
        bucket[0] = tokens - 1;
        return true;
    }

    /** Keys with a bucket (memory use). */
    public synchronized int tracked() {
        return buckets.size();
    }

    private double refilled(double[] bucket, double nowSeconds) {
        return Math.min(burst, bucket[0] + Math.max(0, nowSeconds - bucket[1]) * perSecond);
    }
}
