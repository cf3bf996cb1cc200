package org.fairdial.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Reads SIPp's {@code -trace_msg} file: each message with the wall-clock time SIPp sent or received it. */
final class SippTrace {
    private static final String SEPARATOR = "----------------------------------------------- ";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private SippTrace() {
    }

    /**
     * One message.
     *
     * @param at   when SIPp logged it (its own clock, which is this machine's)
     * @param sent true for messages SIPp sent, false for those it received
     * @param text the SIP message
     */
    record Message(Instant at, boolean sent, String text) {
        String firstLine() {
            return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        }

        boolean isRequest(String method) {
            return firstLine().startsWith(method + " ");
        }

        boolean isResponse(int code, String cseqMethod) {
            return firstLine().startsWith("SIP/2.0 " + code + " ") && header("CSeq").endsWith(" " + cseqMethod);
        }

        String header(String name) {
            return text.lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse("");
        }
    }

    static List<Message> read(Path file) throws IOException {
        List<Message> messages = new ArrayList<>();
        if (!Files.exists(file)) {
            return messages;
        }
        Instant at = null;
        Boolean sent = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (line.startsWith(SEPARATOR)) {
                if (at != null && sent != null) {
                    messages.add(new Message(at, sent, text.toString().strip()));
                }
                String stamp = line.substring(SEPARATOR.length()).trim().replace('\t', ' ');
                at = LocalDateTime.parse(stamp, STAMP).atZone(ZoneId.systemDefault()).toInstant();
                sent = null;
                text.setLength(0);
            } else if (sent == null && line.contains(" message sent")) {
                sent = true;
            } else if (sent == null && line.contains(" message received")) {
                sent = false;
            } else if (sent != null) {
                text.append(line).append('\n');
            }
        }
        if (at != null && sent != null) {
            messages.add(new Message(at, sent, text.toString().strip()));
        }
        return messages;
    }
}
