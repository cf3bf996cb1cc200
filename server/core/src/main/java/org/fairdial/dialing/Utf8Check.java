package org.fairdial.dialing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the first line of a file that is not UTF-8, streaming (64 KiB at a time, whatever the file's length or its
 * lines' length). Lists exported as Latin-1 or Windows-1252 (an {@code é} as the single byte 0xE9) otherwise fail
 * deep in the reader with the JDK's "Input length = 1", which names neither the file nor the line.
 */
final class Utf8Check {
    /** Where a file stops being UTF-8: the 1-based line and the offending byte. */
    record Invalid(long line, int badByte) {
    }

    private Utf8Check() {
    }

    /** The first invalid line of {@code file}, or null if it is all UTF-8. */
    static Invalid firstInvalid(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        long line = 1;
        try (InputStream in = Files.newInputStream(file)) {
            boolean eof = false;
            while (true) {
                int n = eof ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, eof);
                line += newlines(chars);
                if (result.isError()) {
                    return new Invalid(line, bytes.get(bytes.position()) & 0xFF);
                }
                bytes.compact();
                if (eof) {
                    return decoder.flush(chars).isError() ? new Invalid(line, 0) : null;
                }
            }
        }
    }

    private static int newlines(CharBuffer chars) {
        chars.flip();
        int count = 0;
        while (chars.hasRemaining()) {
            if (chars.get() == '\n') {
                count++;
            }
        }
        chars.clear();
        return count;
    }
}
