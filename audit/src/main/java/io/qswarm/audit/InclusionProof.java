package io.qswarm.audit;

import io.qswarm.intelligence.integrity.CanonicalBytes;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Proof that one entry (a Q-value with its visits) belongs to a table version's Merkle root: the leaf, its index
 * among {@code treeSize} leaves and the RFC 6962 audit path. {@link #verify()} needs nothing else; compare
 * {@code rootHash} with a root obtained independently (an audit report, an export manifest) to trust it.
 *
 * @param version the table version (sequence number of its last event) the root commits to
 * @param leafHex the canonical bytes of {@code entry}, hex
 */
public record InclusionProof(
        String tableId,
        long version,
        EntryLeaf entry,
        String leafHex,
        long leafIndex,
        long treeSize,
        List<String> auditPath,
        String rootHash) {

    private static final HexFormat HEX = HexFormat.of();

    static InclusionProof of(String tableId, long version, MerkleTree tree, int index) {
        EntryLeaf entry = tree.entry(index);
        return new InclusionProof(
                tableId,
                version,
                entry,
                HEX.formatHex(CanonicalBytes.of(entry)),
                index,
                tree.size(),
                tree.auditPath(index),
                tree.rootHex());
    }

    /** Checks the proof: the leaf encodes the entry and the path leads from it to {@code rootHash}. */
    public Verification verify() {
        byte[] leaf = HEX.parseHex(leafHex);
        if (entry != null && !Arrays.equals(leaf, CanonicalBytes.of(entry))) {
            return new Verification(false, "the leaf does not encode the entry it claims");
        }
        byte[] computed = rootFromPath(MerkleTree.leafHash(leaf), leafIndex, treeSize, auditPath);
        if (computed == null) {
            return new Verification(false, "the audit path does not fit leaf " + leafIndex + " of " + treeSize);
        }
        String root = HEX.formatHex(computed);
        return root.equals(rootHash)
                ? new Verification(true, "the entry is included in root " + rootHash)
                : new Verification(false, "the path leads to root " + root + ", not to " + rootHash);
    }

    /**
     * RFC 6962 §2.1.1 (as RFC 9162 §2.1.3.2 spells out the verification): folds the path into a root, or returns null
     * when the path has the wrong length for the index and size.
     */
    static byte[] rootFromPath(byte[] leafHash, long index, long size, List<String> path) {
        if (index < 0 || index >= size) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (String hex : path) {
            byte[] p = HEX.parseHex(hex);
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleTree.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    public record Verification(boolean valid, String reason) {}
}
