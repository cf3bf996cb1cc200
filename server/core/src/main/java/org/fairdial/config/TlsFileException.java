package org.fairdial.config;

import java.nio.file.Path;

/** A certificate, key or key store file that cannot be used; the message names the file and the reason. */
public final class TlsFileException extends Exception {
    private final transient Path file;
    private final String reason;

    public TlsFileException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    public TlsFileException(Path file, String reason) {
        this(file, reason, null);
    }

    public Path file() {
        return file;
    }

    /** Why, without the file name: "expired on ...", "does not match the certificate ...". */
    public String reason() {
        return reason;
    }
}
