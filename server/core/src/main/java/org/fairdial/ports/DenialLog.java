package org.fairdial.ports;

import java.util.List;

/** Where every decision not to dial is kept, for the compliance report. */
public interface DenialLog {
    default void record(Denial denial) {
        recordAll(List.of(denial));
    }

    void recordAll(List<Denial> denials);
}
