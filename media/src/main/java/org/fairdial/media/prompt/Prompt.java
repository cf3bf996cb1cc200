package org.fairdial.media.prompt;

import java.nio.file.Path;
import java.time.Duration;

/** TEMPORARY stand-in until the media branch lands. */
public final class Prompt {
    private final String name;
    private final short[] samples;

    private Prompt(String name, short[] samples) {
        this.name = name;
        this.samples = samples;
    }

    public static Prompt load(Path wav) throws PromptException {
        throw new PromptException(wav + ": not loadable yet");
    }

    public static Prompt ofSamples(String name, short[] samples) {
        return new Prompt(name, samples.clone());
    }

    public Duration duration() {
        return Duration.ofMillis(samples.length / 8);
    }
}
