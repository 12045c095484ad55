package io.qswarm.federation.snapshot;

import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.api.ValueFunctionKind;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Intention-revealing factories for snapshot tests. */
final class SnapshotFixtures {

    static final String TABLE = "taxi-agent-1";
    static final Instant NOW = Instant.parse("2026-11-22T18:00:12Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final List<ActionSpec> ACTIONS = List.of(ActionSpec.of("left", 0), ActionSpec.of("right", 1));
    static final ExplorationSchedule EXPLORATION = ExplorationSchedule.exponential(1.0, 0.999, 0.01);

    private SnapshotFixtures() {}

    /** A table with {@code states} states, both actions visited {@code visits} times each, values from the state. */
    static QTableExport aTable(int states, long visits) {
        return aTable(states, visits, ACTIONS, LearningRule.Q_LEARNING, 0.1, 0.99);
    }

    static QTableExport aTable(
            int states, long visits, List<ActionSpec> actions, LearningRule rule, double alpha, double gamma) {
        var entries = new ArrayList<QTableEntry>();
        for (int s = 0; s < states; s++) {
            for (ActionSpec action : actions) {
                entries.add(new QTableEntry(
                        StateKey.of("s" + s),
                        action.name(),
                        s * 0.5 - action.baseCost(),
                        visits,
                        Map.of(TABLE, visits - 1, "peer-b", 1L),
                        0.5));
            }
        }
        return new QTableExport(
                QTableExport.FORMAT_VERSION,
                QTableId.of(TABLE),
                AgentId.of("agent-1"),
                actions,
                rule,
                alpha,
                gamma,
                0.25,
                entries);
    }

    static KnowledgeSnapshot aSnapshot(int states, long visits) {
        return new KnowledgeSnapshot(aTable(states, visits), EXPLORATION, ValueFunctionKind.TABULAR, 40 + visits);
    }

    static KeyPair aKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static SnapshotSigner signerOf(KeyPair keys) {
        return new SnapshotSigner(SnapshotKeys.keyId(keys.getPublic()), keys.getPrivate());
    }

    static TrustStore trusting(KeyPair... keys) {
        var trusted = new java.util.TreeMap<String, java.security.PublicKey>();
        for (KeyPair pair : keys) {
            trusted.put(SnapshotKeys.keyId(pair.getPublic()), pair.getPublic());
        }
        return TrustStore.of(trusted);
    }
}
