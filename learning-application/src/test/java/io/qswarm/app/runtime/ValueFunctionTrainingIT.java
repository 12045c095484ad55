package io.qswarm.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qswarm.app.QSwarmApplication;
import io.qswarm.app.valuefunction.FetchValueFunctionParameters;
import io.qswarm.app.valuefunction.ValueFunctionParameters;
import io.qswarm.audit.AuditProgress;
import io.qswarm.audit.AuditReport;
import io.qswarm.audit.ReplayLimit;
import io.qswarm.audit.StoreAudits;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.ValueFunctionKind;
import io.qswarm.intelligence.domain.FunctionTable;
import io.qswarm.intelligence.domain.QTable;
import io.qswarm.intelligence.valuefunction.Parameters;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Agents train tables with a value function through the real aggregate (every episode a recorded batch, snapshots
 * every few events): the agent's mirror ends with the aggregate's parameters bit for bit, the parameters the store's
 * events give are the same, and the audit replays the run clean to the same SHA-256.
 */
@SpringBootTest(classes = QSwarmApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("it")
class ValueFunctionTrainingIT {

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    Configuration axon;

    @Autowired
    DataSource dataSource;

    private Training.Result train(String runId, Task task, ValueFunctionChoice choice, int episodes, double gamma)
            throws InterruptedException {
        var settings = new Training.Settings(
                runId,
                1,
                episodes,
                11,
                LearningRule.Q_LEARNING,
                0.1,
                gamma,
                ExplorationSchedule.exponential(1.0, 0.99, 0.05),
                1000,
                1,
                choice);
        return Training.run(settings, task::newEnvironment, commands::sendAndWait, new Training.Progress());
    }

    /** The parameters the loaded aggregate holds (read from its private state: tests only). */
    private Parameters aggregateParameters(QTableId table) throws ReflectiveOperationException {
        Field function = QTable.class.getDeclaredField("function");
        function.setAccessible(true);
        var parameters = new AtomicReference<Parameters>();
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            axon.repository(QTable.class).load(table.value()).execute(aggregate -> {
                try {
                    parameters.set(((FunctionTable) function.get(aggregate)).parameters());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            unitOfWork.rollback();
        }
        return parameters.get();
    }

    private void assertMirrorEqualsAggregateStoreAndAudit(Agent agent, ValueFunctionKind kind) throws Exception {
        Parameters mirror = agent.parameters().orElseThrow();
        assertThat(aggregateParameters(agent.tableId()).sha256()).isEqualTo(mirror.sha256());
        ValueFunctionParameters stored = queries.query(
                        new FetchValueFunctionParameters(agent.tableId()),
                        ResponseTypes.optionalInstanceOf(ValueFunctionParameters.class))
                .join()
                .orElseThrow();
        assertThat(stored.kind()).isEqualTo(kind);
        assertThat(stored.parametersSha256()).isEqualTo(mirror.sha256());
        AuditReport audit = new StoreAudits(dataSource)
                .audit(agent.tableId().value(), ReplayLimit.NONE, new AuditProgress(), false);
        assertThat(audit.clean()).as("%s", audit.summary()).isTrue();
        assertThat(audit.updates()).isEqualTo(agent.mirrorUpdates());
        assertThat(audit.tables().get(0).parametersSha256()).isEqualTo(mirror.sha256());
    }

    @Test
    void aHierarchicalMarketTableLearnsThroughTheAggregateAndTheMirrorKeepsItsParameters() throws Exception {
        // given a hierarchical market table: the mood selects, the position (scarcity) is the micro-state
        var choice = new ValueFunctionChoice(
                "hierarchical", "mood", List.of("scarcity"), null, null, null, null, null, null);

        // when an agent trains it for 200 episodes of 64 steps
        Training.Result result = train("vf-market", Task.MARKET, choice, 200, 0.95);

        // then its 24 parameters are bit for bit the aggregate's, the store's and the audit's
        Agent agent = result.agents().get(0);
        assertThat(agent.tableSize()).isEqualTo(24);
        assertThat(agent.mirrorUpdates()).isEqualTo(result.steps()).isGreaterThan(200 * 10L);
        assertMirrorEqualsAggregateStoreAndAudit(agent, ValueFunctionKind.HIERARCHICAL);
    }

    @Test
    void anAdditiveTaxiTableLearnsOnFactoredStatesThroughTheAggregate() throws Exception {
        // when an agent trains an additive Taxi table (taxi cell, passenger, destination) for 200 episodes
        Training.Result result = train("vf-taxi", Task.TAXI, ValueFunctionChoice.of("additive"), 200, 0.99);

        // then it stored 210 numbers instead of 3,000, and mirror, aggregate, store and audit agree bit for bit
        Agent agent = result.agents().get(0);
        assertThat(agent.tableSize()).isEqualTo(6 * (1 + 25 + 5 + 4));
        assertMirrorEqualsAggregateStoreAndAudit(agent, ValueFunctionKind.ADDITIVE);
    }

    @Test
    void aValueFunctionNeedsATaskWhoseStatesHaveDeclaredFeatures() {
        assertThatThrownBy(() -> train("vf-lake", Task.FROZENLAKE, ValueFunctionChoice.of("additive"), 1, 0.99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--value-function needs an environment whose states have declared features (taxi, "
                        + "market); FrozenLake-v1 has none");
    }
}
