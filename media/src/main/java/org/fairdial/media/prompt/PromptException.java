package org.fairdial.media.prompt;

/** A prompt file cannot be used; the message names the file and the reason, for the operator. */
public final class PromptException extends Exception {
    public PromptException(String message) {
        super(message);
    }

    public PromptException(String message, Throwable cause) {
        super(message, cause);
    }
}
