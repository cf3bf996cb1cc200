package org.fairdial.dialing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairdial.config.CampaignConfig.LeadColumns;
import org.fairdial.privacy.NumberMask;

/**
 * Reads a whole lead list into memory, for lists a campaign keeps in its queue: a {@link LeadImport} whose sink
 * keeps each number's first row and completes it with the blanks later rows of the same number fill. Lists too
 * large to hold go through {@link LeadImport} into a sink of their own.
 */
public final class LeadFile {
    private LeadFile() {
    }

    /**
     * A row that was not taken.
     *
     * @param line   line of the list
     * @param reason why, for the operator who fixes the list
     * @param quoted what the row had in its number column when {@code reason} quotes it, else null
     */
    public record RowError(int line, String reason, String quoted) {
        public RowError(int line, String reason) {
            this(line, reason, null);
        }

        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }

        /**
         * As {@link #toString()}, for a log: the quoted number column masked (in whatever format the list wrote
         * it, which {@link NumberMask#scrub} would not recognise), and anything else that looks like a number.
         */
        public String toString(NumberMask mask) {
            String text = quoted == null ? reason : reason.replace("'" + quoted + "'", "'" + mask.mask(quoted) + "'");
            return "line " + line + ": " + mask.scrub(text);
        }
    }

    /** Leads in file order, and the rows that were refused (the first {@value LeadImport#KEEP_ERRORS}). */
    public record Result(List<Lead> leads, List<RowError> errors, int duplicates) {
    }

    /** The list with the default columns {@code number} and {@code name}. */
    public static Result read(Path file, String defaultRegion) throws IOException {
        return read(file, LeadColumns.DEFAULT, defaultRegion);
    }

    public static Result read(Path file, LeadColumns columns, String defaultRegion) throws IOException {
        Map<String, Lead> leads = new LinkedHashMap<>();
        LeadImport.Report report = LeadImport.run(file, columns, defaultRegion, new LeadImport.Sink() {
            @Override
            public void lead(Lead lead) {
                leads.put(lead.id(), lead);
            }

            @Override
            public void duplicate(Lead again) {
                leads.computeIfPresent(again.id(), (id, first) -> first.mergedWith(again));
            }
        });
        return new Result(List.copyOf(leads.values()), report.firstErrors(), (int) report.duplicates());
    }
}
