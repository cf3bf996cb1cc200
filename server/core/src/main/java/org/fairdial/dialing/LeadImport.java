package org.fairdial.dialing;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fairdial.config.CampaignConfig.LeadColumns;
import org.fairdial.dialing.LeadFile.RowError;
import org.fairdial.dialing.dnc.E164;

/**
 * Streams a lead list into a {@link Sink} without holding its rows: each lead is handed over as soon as it is read,
 * later rows of an already seen number go to {@link Sink#duplicate} (for the sink to merge), refused rows to
 * {@link Sink#rejected}. Memory is bounded by the set of numbers seen (16 bytes a number at most) and the first
 * {@value #KEEP_ERRORS} errors kept for the report; scripts/lead-import-benchmark imports a million rows in a 64 MB
 * heap.
 */
public final class LeadImport {
    /** Errors kept in the report; the rest are only counted (and passed to the sink). */
    public static final int KEEP_ERRORS = 1_000;

    /** Where imported leads go: a store, a campaign's queue, a counter. */
    public interface Sink {
        /** The first row of a number. */
        void lead(Lead lead);

        /** A later row of a number already passed to {@link #lead}; its blanks-filling values may be merged. */
        default void duplicate(Lead again) {
        }

        /** A row that is not a lead, with its line number and reason. */
        default void rejected(RowError error) {
        }
    }

    /**
     * What an import did.
     *
     * @param rows        data rows read (header, blank and comment lines excluded)
     * @param leads       distinct numbers taken
     * @param duplicates  rows of a number already taken
     * @param rejected    rows refused
     * @param firstErrors the first {@value #KEEP_ERRORS} refused rows
     */
    public record Report(long rows, long leads, long duplicates, long rejected, List<RowError> firstErrors) {
        public Report {
            firstErrors = List.copyOf(firstErrors);
        }
    }

    private LeadImport() {
    }

    public static Report run(Path file, LeadColumns columns, String defaultRegion, Sink sink) throws IOException {
        return run(file, columns, defaultRegion, ImportRefusals.NONE, sink);
    }

    /**
     * Imports the list; rows of a number {@code refusals} bars are rejected with their line, as bad rows are. A
     * file that is not UTF-8 is refused whole, before any lead is taken, with the file and the first bad line.
     */
    public static Report run(Path file, LeadColumns columns, String defaultRegion, ImportRefusals refusals,
                             Sink sink) throws IOException {
        Utf8Check.Invalid invalid = Utf8Check.firstInvalid(file);
        if (invalid != null) {
            RowError error = new RowError((int) Math.min(Integer.MAX_VALUE, invalid.line()), String.format(
                    "%s is not UTF-8 (byte 0x%02X; a Latin-1 or Windows-1252 export?): save it as CSV UTF-8;"
                            + " no lead read", file.getFileName(), invalid.badByte()));
            sink.rejected(error);
            return new Report(0, 0, 0, 1, List.of(error));
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return run(in, columns, defaultRegion, refusals, sink);
        }
    }

    public static Report run(BufferedReader in, LeadColumns columns, String defaultRegion, Sink sink)
            throws IOException {
        return run(in, columns, defaultRegion, ImportRefusals.NONE, sink);
    }

    public static Report run(BufferedReader in, LeadColumns columns, String defaultRegion, ImportRefusals refusals,
                             Sink sink) throws IOException {
        LongHashSet seen = new LongHashSet();
        long[] counts = new long[3]; // leads, duplicates, rejected
        List<RowError> errors = new ArrayList<>();
        long rows = new LeadReader(columns, defaultRegion).read(in, new LeadReader.Rows() {
            @Override
            public void lead(Lead lead) {
                String refused = refusals.refusal(lead);
                if (refused != null) {
                    rejected(new RowError(lead.line(), refused));
                    return;
                }
                if (seen.add(E164.toLong(lead.e164()))) {
                    counts[0]++;
                    sink.lead(lead);
                } else {
                    counts[1]++;
                    sink.duplicate(lead);
                }
            }

            @Override
            public void rejected(RowError error) {
                counts[2]++;
                if (errors.size() < KEEP_ERRORS) {
                    errors.add(error);
                }
                sink.rejected(error);
            }
        });
        return new Report(rows, counts[0], counts[1], counts[2], errors);
    }
}
