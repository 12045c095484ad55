package io.qswarm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.intelligence.integrity.HashChain;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static List<EntryLeaf> entries(int n) {
        var leaves = new ArrayList<EntryLeaf>();
        for (int i = 0; i < n; i++) {
            leaves.add(new EntryLeaf(String.format("s%03d", i), "escalate", i * 0.5, Map.of("t", (long) i + 1)));
        }
        return leaves;
    }

    @Test
    void theRootFollowsRfc6962ForSmallTrees() {
        var leaves = entries(3);
        byte[] a = MerkleTree.leafHash(io.qswarm.intelligence.integrity.CanonicalBytes.of(leaves.get(0)));
        byte[] b = MerkleTree.leafHash(io.qswarm.intelligence.integrity.CanonicalBytes.of(leaves.get(1)));
        byte[] c = MerkleTree.leafHash(io.qswarm.intelligence.integrity.CanonicalBytes.of(leaves.get(2)));
        // MTH(D[3]) = node(node(a, b), c): the left subtree holds the largest power of two below 3
        byte[] expected = MerkleTree.nodeHash(MerkleTree.nodeHash(a, b), c);
        assertThat(MerkleTree.of(leaves).rootHex()).isEqualTo(HexFormat.of().formatHex(expected));
        assertThat(MerkleTree.of(List.of()).rootHex())
                .isEqualTo(HexFormat.of().formatHex(HashChain.sha256().digest()));
    }

    @Test
    void everyLeafOfEveryTreeSizeHasAProofThatVerifies() {
        for (int n = 1; n <= 33; n++) {
            MerkleTree tree = MerkleTree.of(entries(n));
            for (int i = 0; i < n; i++) {
                InclusionProof proof = InclusionProof.of("t", 7, tree, i);
                assertThat(proof.verify().valid()).as("leaf %d of %d", i, n).isTrue();
                assertThat(proof.auditPath()).hasSizeLessThanOrEqualTo(6);
            }
        }
    }

    @Test
    void aProofOfAnotherValueOrPositionOrRootFails() {
        MerkleTree tree = MerkleTree.of(entries(11));
        InclusionProof proof = InclusionProof.of("t", 7, tree, 5);
        var otherValue = new EntryLeaf("s005", "escalate", 99.0, Map.of("t", 6L));
        var forgedLeaf = new InclusionProof(
                "t",
                7,
                otherValue,
                HexFormat.of().formatHex(io.qswarm.intelligence.integrity.CanonicalBytes.of(otherValue)),
                5,
                11,
                proof.auditPath(),
                proof.rootHash());
        assertThat(forgedLeaf.verify().valid()).isFalse();
        var movedLeaf =
                new InclusionProof("t", 7, proof.entry(), proof.leafHex(), 4, 11, proof.auditPath(), proof.rootHash());
        assertThat(movedLeaf.verify().valid()).isFalse();
        var otherRoot =
                new InclusionProof("t", 7, proof.entry(), proof.leafHex(), 5, 11, proof.auditPath(), "00".repeat(32));
        assertThat(otherRoot.verify().valid()).isFalse();
        var shortPath = new InclusionProof(
                "t",
                7,
                proof.entry(),
                proof.leafHex(),
                5,
                11,
                proof.auditPath().subList(1, proof.auditPath().size()),
                proof.rootHash());
        assertThat(shortPath.verify().valid()).isFalse();
    }
}
