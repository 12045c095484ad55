package io.qswarm.audit;

import io.qswarm.intelligence.integrity.CanonicalBytes;
import io.qswarm.intelligence.integrity.HashChain;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A Merkle tree over a table's entries as RFC 6962 §2.1 defines it: leaf hash {@code SHA-256(0x00 || leaf)}, node
 * hash {@code SHA-256(0x01 || left || right)}, the left subtree holding the largest power of two smaller than the
 * number of leaves; the tree of no leaves is {@code SHA-256()}. Leaves are the canonical bytes of the entries sorted
 * by state, then action.
 */
public final class MerkleTree {

    private static final HexFormat HEX = HexFormat.of();

    private final List<EntryLeaf> entries;
    private final byte[][] leafHashes;
    private final byte[] root;

    private MerkleTree(List<EntryLeaf> entries) {
        this.entries = List.copyOf(entries);
        this.leafHashes = new byte[entries.size()][];
        for (int i = 0; i < leafHashes.length; i++) {
            leafHashes[i] = leafHash(CanonicalBytes.of(entries.get(i)));
        }
        this.root = hash(0, leafHashes.length);
    }

    public static MerkleTree of(List<EntryLeaf> sortedEntries) {
        return new MerkleTree(sortedEntries);
    }

    public byte[] root() {
        return root.clone();
    }

    public String rootHex() {
        return HEX.formatHex(root);
    }

    public int size() {
        return entries.size();
    }

    public int indexOf(String state, String action) {
        for (int i = 0; i < entries.size(); i++) {
            EntryLeaf leaf = entries.get(i);
            if (leaf.state().equals(state) && leaf.action().equals(action)) {
                return i;
            }
        }
        return -1;
    }

    public EntryLeaf entry(int index) {
        return entries.get(index);
    }

    /** The audit path of leaf {@code index} (RFC 6962 §2.1.1 {@code PATH(m, D[n])}), bottom-up, hex. */
    public List<String> auditPath(int index) {
        var path = new ArrayList<byte[]>();
        path(index, 0, leafHashes.length, path);
        return path.stream().map(HEX::formatHex).toList();
    }

    private void path(int m, int from, int to, List<byte[]> into) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, from, from + k, into);
            into.add(hash(from + k, to));
        } else {
            path(m - k, from + k, to, into);
            into.add(hash(from, from + k));
        }
    }

    private byte[] hash(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return HashChain.sha256().digest();
        }
        if (n == 1) {
            return leafHashes[from];
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(hash(from, from + k), hash(from + k, to));
    }

    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest digest = HashChain.sha256();
        digest.update((byte) 0x00);
        digest.update(leaf);
        return digest.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = HashChain.sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }
}
