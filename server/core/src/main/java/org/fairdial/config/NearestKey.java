package org.fairdial.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The known key a mistyped one was most likely meant to be, by edit distance (optimal string alignment: an
 * insertion, deletion, substitution or swap of two neighbours counts one). Suggested only when close, so that an
 * unrelated key is never offered as the fix.
 */
final class NearestKey {
    private static final int MAX_EDITS = 3;

    private NearestKey() {
    }

    /** The closest candidates (several on a tie, sorted), or none when no candidate is close to {@code key}. */
    static List<String> of(String key, Collection<String> candidates) {
        List<String> best = new ArrayList<>();
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(candidates)) {
            int d = distance(key, candidate);
            if (d == 0 || d > allowedEdits(candidate)) {
                continue;
            }
            if (d < bestDistance) {
                best.clear();
                bestDistance = d;
            }
            if (d == bestDistance) {
                best.add(candidate);
            }
        }
        return best;
    }

    /** One edit per four characters of the known key, at least one and at most {@value #MAX_EDITS}. */
    static int allowedEdits(String candidate) {
        return Math.max(1, Math.min(MAX_EDITS, candidate.length() / 4));
    }

    /** Optimal string alignment distance between {@code a} and {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
