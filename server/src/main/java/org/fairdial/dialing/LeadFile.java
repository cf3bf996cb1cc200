package org.fairdial.dialing;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fairdial.privacy.NumberMask;

/**
 * Reads a lead list: CSV with the number in the first column and an optional name in the second; an optional
 * header row, blank lines and {@code #} comments are skipped. Numbers are normalized to E.164 with libphonenumber
 * and the campaign's default region. A bad row is reported with its line number and skipped; a number that
 * appears twice is dialed once.
 */
public final class LeadFile {
    private LeadFile() {
    }

    /** A row that was not taken. */
    public record RowError(int line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /** Leads in file order, and the rows that were refused. */
    public record Result(List<Lead> leads, List<RowError> errors, int duplicates) {
    }

    public static Result read(Path file, String defaultRegion) throws IOException {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        Map<String, Lead> leads = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        int duplicates = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                List<String> fields = CsvLine.split(trimmed);
                String raw = fields.get(0);
                if (number == 1 && raw.toLowerCase(Locale.ROOT).matches("[a-z_ ]+")) {
                    continue; // header row
                }
                String name = fields.size() > 1 && !fields.get(1).isEmpty() ? fields.get(1) : null;
                try {
                    PhoneNumber parsed = util.parse(raw, defaultRegion);
                    if (!util.isPossibleNumber(parsed)) {
                        errors.add(new RowError(number, NumberMask.mask(raw) + " is not a possible phone number"));
                        continue;
                    }
                    String e164 = util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
                    if (leads.containsKey(e164)) {
                        duplicates++;
                        continue;
                    }
                    leads.put(e164, new Lead(e164, number, raw, e164, name));
                } catch (NumberParseException e) {
                    errors.add(new RowError(number, NumberMask.mask(raw) + " is not a phone number: "
                            + e.getMessage()));
                }
            }
        }
        return new Result(List.copyOf(leads.values()), List.copyOf(errors), duplicates);
    }
}
