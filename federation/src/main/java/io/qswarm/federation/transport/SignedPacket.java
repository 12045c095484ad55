package io.qswarm.federation.transport;

import java.util.regex.Pattern;

/**
 * A packet with the sender's Ed25519 signature over its {@linkplain #canonicalBytes() canonical bytes}: the header and
 * every field of the body, so changing any of them (a tampered payload, another receiver, round or time) breaks it.
 */
public sealed interface SignedPacket permits KnowledgeRequestPacket, ContributionPacket, MergeRequestPacket {

    PacketHeader header();

    /** Base64 of the 64-byte Ed25519 signature. */
    String signature();

    /** The bytes the signature covers; see {@link CanonicalBytes}. */
    byte[] canonicalBytes();

    /** How many entries the packet carries (0 for a request). */
    int entryCount();

    Pattern SIGNATURE_FORMAT = Pattern.compile("[A-Za-z0-9+/]{86}==");

    static String validSignature(String signature) {
        if (signature == null || !SIGNATURE_FORMAT.matcher(signature).matches()) {
            throw new IllegalArgumentException("signature must be the base64 of a 64-byte Ed25519 signature");
        }
        return signature;
    }
}
