package io.qswarm.audit;

import io.qswarm.intelligence.integrity.CanonicalBytes;
import io.qswarm.intelligence.integrity.HashChain;
import java.util.HexFormat;
import java.util.List;

/** The table's content hash: SHA-256 of the canonical encoding of its entries sorted by state, then action. */
public final class TableDigest {

    private TableDigest() {}

    public static String sha256(List<EntryLeaf> sortedLeaves) {
        return HexFormat.of().formatHex(HashChain.sha256().digest(CanonicalBytes.of(sortedLeaves)));
    }
}
