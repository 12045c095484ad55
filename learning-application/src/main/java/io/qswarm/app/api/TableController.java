package io.qswarm.app.api;

import io.qswarm.app.security.Caller;
import io.qswarm.app.valuefunction.ValueFunctionParameterQueries;
import io.qswarm.app.valuefunction.ValueFunctionParameters;
import io.qswarm.federation.exchange.KnowledgeTransfer;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.EntryCursor;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.FetchGreedyPolicy;
import io.qswarm.intelligence.api.FetchMergeHistory;
import io.qswarm.intelligence.api.FetchQTableEntries;
import io.qswarm.intelligence.api.FetchQTableExport;
import io.qswarm.intelligence.api.FindQTableSummary;
import io.qswarm.intelligence.api.GreedyPolicy;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.ListQTables;
import io.qswarm.intelligence.api.MergeCounts;
import io.qswarm.intelligence.api.MergeHistory;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.QTableEntriesPage;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableList;
import io.qswarm.intelligence.api.QTableSummary;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.RecordedBatch;
import io.qswarm.intelligence.api.StateKey;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The table API. Commands are applied synchronously (the answer means the event is stored); reads come from the
 * table-summary read model and follow within moments.
 */
@RestController
@RequestMapping("/api/v1/tables")
class TableController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final TableQueries tables;
    private final ApiLimits limits;
    private final ValueFunctionParameterQueries valueFunctions;

    TableController(
            CommandGateway commands,
            QueryGateway queries,
            TableQueries tables,
            ApiLimits limits,
            ValueFunctionParameterQueries valueFunctions) {
        this.commands = commands;
        this.queries = queries;
        this.tables = tables;
        this.limits = limits;
        this.valueFunctions = valueFunctions;
    }

    @PostMapping
    ResponseEntity<TableRequests.Created> create(@RequestBody TableRequests.CreateTable request) {
        var id = QTableId.of(request.tableId() != null ? request.tableId() : "table-" + UUID.randomUUID());
        if (request.agentId() == null) {
            throw new IllegalArgumentException("agentId is required");
        }
        commands.sendAndWait(new CreateQTable(
                id,
                AgentId.of(request.agentId()),
                TableRequests.each("actions", request.actions(), TableRequests.Action::toSpec),
                request.rule() != null ? request.rule() : LearningRule.Q_LEARNING,
                request.alpha() != null ? request.alpha() : 0.1,
                request.gamma() != null ? request.gamma() : 0.95,
                request.exploration() != null ? request.exploration().toSchedule() : ExplorationSchedule.constant(0.1),
                request.valueFunctionSpec(),
                Caller.actingAgent()));
        URI location = URI.create("/api/v1/tables/" + id.value());
        return ResponseEntity.created(location).body(new TableRequests.Created(id.value(), location.toString()));
    }

    @PostMapping("/{tableId}/experiences")
    RecordedBatch record(@PathVariable String tableId, @RequestBody TableRequests.RecordBatch request) {
        if (request.experiences() != null && request.experiences().size() > limits.maxBatchSize()) {
            throw new BatchTooLargeException(
                    "a batch holds at most " + limits.maxBatchSize() + " experiences (qswarm.api.max-batch-size), was "
                            + request.experiences().size());
        }
        return commands.sendAndWait(new RecordExperiences(
                QTableId.of(tableId),
                request.idempotencyKey(),
                TableRequests.each("experiences", request.experiences(), TableRequests.Step::toExperience),
                request.endsEpisode() == null || request.endsEpisode(),
                Caller.actingAgent()));
    }

    @PostMapping("/{tableId}/merges")
    MergeCounts merge(@PathVariable String tableId, @RequestBody TableRequests.Merge request) {
        var target = QTableId.of(tableId);
        if (request.sources() > 1) {
            throw new IllegalArgumentException("give one of entries, fromTable or parameters, not several");
        }
        MergePeerKnowledge command;
        if (request.fromTable() != null) {
            command = mergeFrom(QTableId.of(request.fromTable()), target, request);
        } else if (request.parameters() != null) {
            command = MergePeerKnowledge.ofParameters(
                    target, request.peer(), request.round(), request.strategy(), request.parameters());
        } else {
            if (request.entries() != null && request.entries().size() > limits.maxMergeEntries()) {
                throw new BatchTooLargeException("a merge holds at most " + limits.maxMergeEntries()
                        + " entries (qswarm.api.max-merge-entries), was "
                        + request.entries().size());
            }
            command = new MergePeerKnowledge(
                    target,
                    request.peer(),
                    request.round(),
                    request.strategy(),
                    TableRequests.each("entries", request.entries(), TableRequests.Entry::toPeerEntry));
        }
        return commands.sendAndWait(command);
    }

    /**
     * The merge of another table of this deployment: its value function's parameters (spec, values, experiences per
     * origin, read from its stored events) when it has one, else its exported entries. The target decides: it merges
     * the parameters of a peer of its own spec, and refuses with the reason what does not fit it.
     */
    private MergePeerKnowledge mergeFrom(QTableId source, QTableId target, TableRequests.Merge request) {
        if (source.equals(target)) {
            throw new IllegalArgumentException("a table cannot merge its own knowledge (" + target + ")");
        }
        ValueFunctionParameters function =
                valueFunctions.parameters(source).orElseThrow(() -> new UnknownTableException(source));
        if (!function.parameterised()) {
            return KnowledgeTransfer.mergeOf(export(source.value()), target, request.round(), request.strategy());
        }
        if (!function.hasExperience()) {
            throw new IllegalArgumentException("table " + source + " has no experience to share yet");
        }
        return MergePeerKnowledge.ofParameters(
                target, source.value(), request.round(), request.strategy(), function.parameters());
    }

    @GetMapping
    QTableList list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return queries.query(new ListQTables(page, size), ResponseTypes.instanceOf(QTableList.class))
                .join();
    }

    @GetMapping("/{tableId}")
    QTableSummary summary(@PathVariable String tableId) {
        var id = QTableId.of(tableId);
        return found(id, new FindQTableSummary(id), QTableSummary.class);
    }

    @GetMapping("/{tableId}/merges")
    MergeHistory merges(
            @PathVariable String tableId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        var id = QTableId.of(tableId);
        summary(tableId);
        return queries.query(new FetchMergeHistory(id, page, size), ResponseTypes.instanceOf(MergeHistory.class))
                .join();
    }

    @GetMapping("/{tableId}/entries")
    QTableEntriesPage entries(
            @PathVariable String tableId,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size,
            @RequestParam(required = false) String after) {
        var id = QTableId.of(tableId);
        var query = new FetchQTableEntries(
                id,
                state == null ? null : StateKey.of(state),
                page,
                size,
                after == null ? null : EntryCursor.of(after));
        return found(id, query, QTableEntriesPage.class);
    }

    @GetMapping("/{tableId}/export")
    QTableExport export(@PathVariable String tableId) {
        var id = QTableId.of(tableId);
        return found(id, new FetchQTableExport(id), QTableExport.class);
    }

    @GetMapping("/{tableId}/policy")
    GreedyPolicy policy(@PathVariable String tableId) {
        var id = QTableId.of(tableId);
        return found(id, new FetchGreedyPolicy(id), GreedyPolicy.class);
    }

    private <T> T found(QTableId id, Object query, Class<T> answer) {
        return tables.found(id, query, answer);
    }
}
