package io.qswarm.federation.transport;

import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bytes a packet's signature covers: one unambiguous encoding of its meaning, independent of how JSON spelled it.
 *
 * <pre>
 * packet  = text("qswarm-federation-packet/1") header body
 * header  = text(kind) text(sender) text(receiver) text(swarm) text(round) text(participant) text(nonce)
 *           int64(issuedAt epoch second) int32(issuedAt nanosecond)
 * body    = int64(sinceVersion)                                   (knowledge request)
 *         | int64(tableVersion) entries                           (contribution)
 *         | text(tableMerge) entries                              (merge request)
 * entries = int32(count) entry*                                   (in the order sent)
 * entry   = text(state) text(action) int64(IEEE-754 bits of q) int64(visits)
 *           int32(origins) (text(origin) int64(visits))*          (origins sorted by id)
 * text    = int32(UTF-8 length) UTF-8 bytes;  integers big-endian
 * </pre>
 *
 * Length prefixes make every field boundary explicit (no two packets share bytes); the format tag versions the scheme.
 */
public final class CanonicalBytes {

    public static final String FORMAT = "qswarm-federation-packet/1";

    private CanonicalBytes() {}

    public static byte[] ofRequest(PacketHeader header, long sinceVersion) {
        return write(header, out -> out.writeLong(sinceVersion));
    }

    public static byte[] ofContribution(PacketHeader header, long tableVersion, List<PeerEntry> entries) {
        return write(header, out -> {
            out.writeLong(tableVersion);
            entries(out, entries);
        });
    }

    public static byte[] ofMerge(PacketHeader header, MergeStrategy tableMerge, List<PeerEntry> entries) {
        return write(header, out -> {
            text(out, tableMerge.name());
            entries(out, entries);
        });
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(PacketHeader header, Body body) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            text(out, FORMAT);
            text(out, header.kind().name());
            text(out, header.sender().value());
            text(out, header.receiver().value());
            text(out, header.swarmId().value());
            text(out, header.roundId().value());
            text(out, header.participant().value());
            text(out, header.nonce().value());
            out.writeLong(header.issuedAt().getEpochSecond());
            out.writeInt(header.issuedAt().getNano());
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entries(DataOutputStream out, List<PeerEntry> entries) throws IOException {
        out.writeInt(entries.size());
        for (PeerEntry entry : entries) {
            text(out, entry.state().value());
            text(out, entry.action());
            out.writeLong(Double.doubleToLongBits(entry.q()));
            out.writeLong(entry.visits());
            Map<String, Long> origins = new TreeMap<>(entry.visitsByOrigin());
            out.writeInt(origins.size());
            for (var origin : origins.entrySet()) {
                text(out, origin.getKey());
                out.writeLong(origin.getValue());
            }
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
