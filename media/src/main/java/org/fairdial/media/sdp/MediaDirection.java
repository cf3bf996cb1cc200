package org.fairdial.media.sdp;

/** The direction attributes of RFC 4566 section 6 (a=sendrecv, a=sendonly, a=recvonly, a=inactive). */
public enum MediaDirection {
    SENDRECV("sendrecv"),
    SENDONLY("sendonly"),
    RECVONLY("recvonly"),
    INACTIVE("inactive");

    private final String attribute;

    MediaDirection(String attribute) {
        this.attribute = attribute;
    }

    /** The attribute name as written after {@code a=}. */
    public String attribute() {
        return attribute;
    }

    /** Whether the side that wrote this direction wants to receive media, i.e. whether we may send. */
    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    /** The direction an answer takes to this offered direction (RFC 3264 section 6.1). */
    public MediaDirection answer() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    /** The direction named by an attribute, or null if {@code name} is not one. */
    static MediaDirection fromAttribute(String name) {
        for (MediaDirection d : values()) {
            if (d.attribute.equals(name)) {
                return d;
            }
        }
        return null;
    }
}
