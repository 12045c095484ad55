package io.qswarm.app.cli;

import io.qswarm.audit.InclusionProof;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Verifies a Merkle inclusion proof offline (RFC 6962): exit 0 when valid, 1 when not. */
@Command(
        name = "verify-proof",
        mixinStandardHelpOptions = true,
        description = {
            "Check that a Q-value belongs to a table version's Merkle root (a proof from GET"
                    + " /api/v1/tables/{id}/proofs).",
            "Exit code 0: valid; 1: invalid; 2: usage error."
        })
public class VerifyProofCommand implements Callable<Integer> {

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "the proof (JSON)")
    Path file;

    @Option(
            names = "--root",
            paramLabel = "HEX",
            description = "the root you trust (from an audit report or export manifest); default: the proof's own")
    String root;

    @Override
    public Integer call() throws Exception {
        InclusionProof proof = AuditCommand.mapper().readValue(file.toFile(), InclusionProof.class);
        InclusionProof.Verification verification = proof.verify();
        boolean trusted = root == null || root.equalsIgnoreCase(proof.rootHash());
        if (verification.valid() && !trusted) {
            System.out.println("INVALID: the proof is for root " + proof.rootHash() + ", not the trusted " + root);
            return 1;
        }
        System.out.println((verification.valid() ? "VALID: " : "INVALID: ") + verification.reason());
        if (verification.valid()) {
            System.out.printf(
                    "Q(%s, %s) = %s with visits %s in table %s at version %d%n",
                    proof.entry().state(),
                    proof.entry().action(),
                    proof.entry().q(),
                    proof.entry().visitsByOrigin(),
                    proof.tableId(),
                    proof.version());
        }
        return verification.valid() ? 0 : 1;
    }
}
