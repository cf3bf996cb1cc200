package org.fairdial.media.prompt;

/** TEMPORARY stand-in until the media branch lands. */
public final class PromptException extends Exception {
    public PromptException(String message) {
        super(message);
    }
}
