package io.qswarm.app.federation.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.audit.EntryLeaf;
import io.qswarm.audit.TableState;
import io.qswarm.federation.snapshot.KnowledgeSnapshot;
import io.qswarm.federation.snapshot.ManifestLine;
import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.ConfidencePolicy;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.learning.Knowledge;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Between tables and snapshots: what a table publishes (its state replayed from its events, so the snapshot names the
 * exact event it reflects), and what a trusted snapshot would bring to a local table.
 */
final class KnowledgeSnapshots {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KnowledgeSnapshots() {}

    /** A manifest line as JSON, exactly as the manifest holds it. */
    static JsonNode json(ManifestLine line) {
        try {
            return JSON.readTree(line.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest line is not JSON", e);
        }
    }

    /**
     * The snapshot of a table as replayed from its events: every visited entry with its visits per origin, the
     * confidence {@code policy} gives them, and the sequence number of the table's last event as source position.
     */
    static KnowledgeSnapshot of(TableState table, ConfidencePolicy policy) {
        List<QTableEntry> entries = table.entries().stream()
                .map(leaf -> new QTableEntry(
                        StateKey.of(leaf.state()),
                        leaf.action(),
                        leaf.q(),
                        leaf.visits(),
                        leaf.visitsByOrigin(),
                        policy.confidence(leaf.visits())))
                .toList();
        var export = new QTableExport(
                QTableExport.FORMAT_VERSION,
                QTableId.of(table.tableId()),
                AgentId.of(table.agentId()),
                table.actions(),
                table.rule(),
                table.alpha(),
                table.gamma(),
                table.epsilon(),
                entries);
        return new KnowledgeSnapshot(export, table.exploration(), table.valueFunction(), table.version());
    }

    /** The action names in declaration order: two tables merge entries only when these are equal. */
    static List<String> actionNames(List<ActionSpec> actions) {
        return actions.stream().map(ActionSpec::name).toList();
    }

    /**
     * How many of the snapshot's entries carry experiences {@code local} has not counted yet (per origin, as a merge
     * counts them); zero means merging the snapshot would change nothing.
     *
     * @param local the local table's entries, or none for a table that does not exist yet
     */
    static int entriesWithNewExperience(List<EntryLeaf> local, QTableExport snapshot) {
        Map<String, Knowledge> known = new HashMap<>();
        for (EntryLeaf leaf : local) {
            known.put(key(leaf.state(), leaf.action()), new Knowledge(leaf.q(), leaf.visitsByOrigin()));
        }
        int fresh = 0;
        for (QTableEntry entry : snapshot.entries()) {
            Knowledge peer =
                    new Knowledge(entry.q(), entry.visitsByOrigin() == null ? Map.of() : entry.visitsByOrigin());
            Knowledge mine = known.getOrDefault(key(entry.state().value(), entry.action()), Knowledge.NONE);
            if (mine.experiencesMissingFrom(peer) > 0) {
                fresh++;
            }
        }
        return fresh;
    }

    private static String key(String state, String action) {
        return state + '\u0000' + action;
    }
}
