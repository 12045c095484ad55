package io.qswarm.federation.transport;

/** Why a received packet was refused. Nothing it carried was stored. Stable codes for the sender. */
public enum PacketRefusal {
    /** Larger than the receiver accepts. */
    PACKET_TOO_LARGE,
    /** Not a packet of the expected kind (unreadable, missing or invalid fields). */
    MALFORMED_PACKET,
    /** The sender is not in the receiver's peer registry. */
    UNKNOWN_PEER,
    /** The signature does not verify with the sender's registered key: forged, or the content was changed. */
    BAD_SIGNATURE,
    /** The packet is addressed to another peer. */
    WRONG_RECEIVER,
    /** Issued too long ago, or in the future, beyond the replay window. */
    STALE_PACKET,
    /** The sender already used this nonce: a replay. */
    REPLAYED_NONCE,
    /** The sender does not host the table the packet speaks for. */
    NOT_THE_HOST;

    /** The code in problem details: lower case with dashes, e.g. {@code bad-signature}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
