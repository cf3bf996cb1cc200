package org.fairdial.dialing.dnc;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.fairdial.config.RegistryDates;

/**
 * Reads a do-not-call file, one number per line, into a {@link CompactNumberSet}. A line is E.164
 * ({@code +12125550100}) or the national digits of the file's region, with or without the trunk prefix
 * ({@code 2125550100}, {@code 02079460018}); blank lines and {@code #} comments are skipped, except that a comment
 * {@code # downloaded: 2026-11-20} in the header (before the first number) declares when the file was downloaded from its registry ({@link RegistryDates}). Plain digit lines are
 * converted without libphonenumber (a national registry has hundreds of millions of them); anything else (spaces,
 * dashes, brackets) goes through libphonenumber. The text is parsed once into a temporary file of longs (counting
 * the range on the way), which the set's two remaining build passes then read.
 */
public final class NumberListFile {
    /** Rows refused, kept for the log: the first few line numbers. */
    private static final int KEEP_INVALID = 10;

    /**
     * The loaded set and what was refused.
     *
     * @param set          the numbers
     * @param lines        lines read
     * @param invalid      lines that hold no number
     * @param invalidLines the first few of those, by line number
     * @param downloadedAt the download date a {@code # downloaded: ...} line of the header (the comments before the
     *                     first number) declares, or null
     */
    public record Loaded(CompactNumberSet set, long lines, long invalid, List<Long> invalidLines,
                         Instant downloadedAt) {
    }

    private final String region;
    private final long countryCode;
    private final String trunkPrefix;
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    /** National number lengths the region's plan allows, by length: checked on the fast path. */
    private final boolean[] possibleLength = new boolean[16];
    /** The first download date a header comment line declared. */
    private Instant downloadedAt;
    /** A number line was read: comments after it are not the header. */
    private boolean pastHeader;

    private NumberListFile(String region) {
        this.region = region;
        this.countryCode = util.getCountryCodeForRegion(region);
        this.trunkPrefix = util.getNddPrefixForRegion(region, true);
        for (int length = 1; length < possibleLength.length; length++) {
            // Only the length decides possibility; any digits of that length will do as the probe.
            var probe = new com.google.i18n.phonenumbers.Phonenumber.PhoneNumber().setCountryCode((int) countryCode)
                    .setNationalNumber(Long.parseLong("5".repeat(length)));
            possibleLength[length] = util.isPossibleNumberWithReason(probe)
                    == PhoneNumberUtil.ValidationResult.IS_POSSIBLE;
        }
    }

    /** Loads the file; national numbers are read as numbers of {@code region} (ISO 3166, e.g. {@code US}). */
    public static Loaded load(Path file, String region) throws IOException {
        return new NumberListFile(region).read(file);
    }

    /**
     * The download date the file's header declares, read without loading the numbers (for {@code dialer check}):
     * the comment and blank lines before the first number; null if none declares one.
     */
    public static Instant declaredDownload(Path file) throws IOException {
        try (java.io.BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = in.readLine()) != null) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    return null;
                }
                Instant at = RegistryDates.fromHeader(t);
                if (at != null) {
                    return at;
                }
            }
            return null;
        }
    }

    private Loaded read(Path file) throws IOException {
        Path longs = Files.createTempFile("fairdial-dnc-", ".bin");
        try {
            long[] counts = new long[2];
            long[] range = {Long.MAX_VALUE, Long.MIN_VALUE, 0};
            List<Long> invalid = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file);
                 FileChannel out = FileChannel.open(longs, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.nativeOrder());
                parse(in, n -> {
                    if (!buffer.hasRemaining()) {
                        drain(buffer, out);
                    }
                    buffer.putLong(n);
                    if (CompactNumberSet.valid(n)) {
                        range[0] = Math.min(range[0], n);
                        range[1] = Math.max(range[1], n);
                        range[2]++;
                    }
                }, counts, invalid);
                drain(buffer, out);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            CompactNumberSet set = CompactNumberSet.build(sink -> readLongs(longs, sink), range[0], range[1],
                    range[2]);
            return new Loaded(set, counts[0], counts[1], List.copyOf(invalid), downloadedAt);
        } finally {
            Files.deleteIfExists(longs);
        }
    }

    private void parse(InputStream in, LongConsumer sink, long[] counts, List<Long> invalid) throws IOException {
        byte[] buf = new byte[1 << 16];
        byte[] line = new byte[64];
        int len = 0;
        boolean overflow = false;
        int read;
        while ((read = in.read(buf)) > 0) {
            for (int i = 0; i < read; i++) {
                byte b = buf[i];
                if (b == '\n') {
                    line(line, overflow ? -1 : len, sink, counts, invalid);
                    len = 0;
                    overflow = false;
                } else if (len < line.length) {
                    line[len++] = b;
                } else {
                    overflow = true;
                }
            }
        }
        if (len > 0 || overflow) {
            line(line, overflow ? -1 : len, sink, counts, invalid);
        }
    }

    private void line(byte[] line, int len, LongConsumer sink, long[] counts, List<Long> invalid) {
        counts[0]++;
        int start = 0;
        int end = len;
        while (start < end && (line[start] == ' ' || line[start] == '\t')) {
            start++;
        }
        while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\r')) {
            end--;
        }
        if (len >= 0 && (start == end || line[start] == '#')) {
            if (downloadedAt == null && !pastHeader && start < end) {
                downloadedAt = RegistryDates.fromHeader(new String(line, start, end - start,
                        StandardCharsets.US_ASCII));
            }
            return;
        }
        pastHeader = true;
        long n = len < 0 ? -1 : number(line, start, end);
        if (n > 0) {
            sink.accept(n);
        } else {
            counts[1]++;
            if (invalid.size() < KEEP_INVALID) {
                invalid.add(counts[0]);
            }
        }
    }

    /** The line as an E.164 long, or -1. */
    long number(byte[] line, int start, int end) {
        boolean plus = line[start] == '+';
        int first = plus ? start + 1 : start;
        long digits = 0;
        int count = 0;
        for (int i = first; i < end; i++) {
            byte c = line[i];
            if (c < '0' || c > '9') {
                return slow(new String(line, start, end - start, StandardCharsets.US_ASCII));
            }
            digits = digits * 10 + (c - '0');
            count++;
        }
        if (count == 0 || count > 15) {
            return -1;
        }
        if (plus) {
            // The shortest E.164 numbers in use (Niue, +683 and four digits) have seven digits.
            return line[first] == '0' || count < 7 ? -1 : digits;
        }
        int nsnDigits = count;
        long nsn = digits;
        if (trunkPrefix != null && line[first] == trunkPrefix.charAt(0)) {
            // Safe to strip by hand only where a national number never starts with the trunk digit: "0" plans
            // (GB, DE, FR...) and NANP's "1" before ten digits. Anything else is libphonenumber's job.
            boolean nanp = trunkPrefix.equals("1") && countryCode == 1 && count == 11;
            if (!trunkPrefix.equals("0") && !nanp) {
                return slow(new String(line, start, end - start, StandardCharsets.US_ASCII));
            }
            nsnDigits = count - 1;
            nsn = digits % pow10(nsnDigits);
        }
        if (!possibleLength[nsnDigits]) {
            return -1;
        }
        return countryCode * pow10(nsnDigits) + nsn;
    }

    private long slow(String text) {
        try {
            var parsed = util.parse(text, region);
            if (!util.isPossibleNumber(parsed)) {
                return -1;
            }
            return E164.toLong(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return -1;
        }
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    private static void drain(ByteBuffer buffer, FileChannel out) {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.clear();
    }

    private static void readLongs(Path file, LongConsumer sink) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.nativeOrder());
            while (in.read(buffer) > 0 || buffer.position() > 0) {
                buffer.flip();
                while (buffer.remaining() >= Long.BYTES) {
                    sink.accept(buffer.getLong());
                }
                buffer.compact();
                if (buffer.position() > 0 && in.position() == in.size()) {
                    throw new IOException("truncated temporary number file " + file);
                }
            }
        }
    }
}
