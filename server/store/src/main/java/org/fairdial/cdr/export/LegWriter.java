package org.fairdial.cdr.export;

import java.io.IOException;
import org.fairdial.cdr.CdrLeg;

/**
 * Writes legs one by one in an {@link ExportFormat}, each as one record ended by a line break, holding nothing
 * between them: an export of any length runs in constant memory. {@link #flush()} pushes out what is buffered; the
 * target itself is left open for its owner to close.
 */
public interface LegWriter {
    void write(CdrLeg leg) throws IOException;

    void flush() throws IOException;
}
