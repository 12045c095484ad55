package io.qswarm.federation.participant;

import io.qswarm.federation.api.ContributeKnowledge;
import io.qswarm.federation.api.KnowledgeRequested;
import io.qswarm.intelligence.api.FetchQTableExport;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Answers knowledge requests for the tables of this deployment: reads the table's export through the query bus, keeps
 * the entries changed since the requested version ({@link KnowledgeDelta}) and contributes them to the round. A table
 * the query does not know (yet) is not answered: the round's deadline treats it as a straggler.
 *
 * <p>Tables of another deployment are answered by that deployment: {@code local} tells which tables are ours (all of
 * them until cross-deployment transport exists).
 */
@ProcessingGroup(KnowledgeResponder.PROCESSING_GROUP)
public class KnowledgeResponder {

    public static final String PROCESSING_GROUP = "federation-responder";

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final KnowledgeBaselines baselines;
    private final Predicate<QTableId> local;

    public KnowledgeResponder(
            QueryGateway queries, CommandGateway commands, KnowledgeBaselines baselines, Predicate<QTableId> local) {
        this.queries = queries;
        this.commands = commands;
        this.baselines = baselines;
        this.local = local;
    }

    @EventHandler
    public void on(KnowledgeRequested request) {
        if (!local.test(request.participant())) {
            return;
        }
        queries.query(
                        new FetchQTableExport(request.participant()),
                        ResponseTypes.optionalInstanceOf(QTableExport.class))
                .thenAccept(export -> export.ifPresent(found -> contribute(request, found)));
    }

    private void contribute(KnowledgeRequested request, QTableExport export) {
        Optional<Map<String, Long>> baseline = request.sinceVersion() == 0
                ? Optional.empty()
                : baselines.at(request.participant(), request.sinceVersion());
        KnowledgeDelta.Answer answer = KnowledgeDelta.since(export, baseline);
        baselines.remember(request.participant(), answer.version(), answer.visits());
        commands.send(new ContributeKnowledge(
                request.swarmId(), request.roundId(), request.participant(), answer.version(), answer.entries()));
    }
}
