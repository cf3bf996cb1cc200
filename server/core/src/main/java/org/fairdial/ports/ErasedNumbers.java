package org.fairdial.ports;

import java.util.function.Consumer;

/** The erasure audit as the core needs it: which numbers {@code privacy erase} removed, by keyed hash only. */
public interface ErasedNumbers {
    /** Hands the keyed hash ({@link org.fairdial.privacy.NumberHasher}) of every erased number to {@code hashes}. */
    void forEachErasedHash(Consumer<String> hashes);
}
