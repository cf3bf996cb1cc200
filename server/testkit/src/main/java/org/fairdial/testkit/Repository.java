package org.fairdial.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository (config/, the example prompts) for tests, whichever module directory they run in. */
public final class Repository {
    private Repository() {
    }

    /** The repository's root: the nearest directory above the working directory that holds config/dialer.conf. */
    public static Path root() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("config/dialer.conf"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no config/dialer.conf above " + System.getProperty("user.dir"));
    }

    /** A file of the repository, e.g. {@code file("config/dialer.conf")}. */
    public static Path file(String relative) {
        return root().resolve(relative);
    }
}
