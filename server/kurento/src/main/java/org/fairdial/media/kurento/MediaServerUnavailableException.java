package org.fairdial.media.kurento;

/** The media server cannot be reached now; call control fails the leg with this message. */
public final class MediaServerUnavailableException extends IllegalStateException {
    MediaServerUnavailableException(String message) {
        super(message);
    }

    MediaServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
