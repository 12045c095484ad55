package io.qswarm.infra.storage;

import static io.qswarm.intelligence.bandit.BanditFixtures.ACTIONS;
import static io.qswarm.intelligence.bandit.BanditFixtures.POLICY;
import static io.qswarm.intelligence.bandit.BanditFixtures.aPolicy;
import static io.qswarm.intelligence.bandit.BanditFixtures.context;
import static io.qswarm.intelligence.bandit.BanditFixtures.logged;
import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.intelligence.bandit.api.DecisionSource;
import io.qswarm.intelligence.bandit.api.DriftGuard;
import io.qswarm.intelligence.bandit.api.ObserveBanditReward;
import io.qswarm.intelligence.bandit.api.RecordBanditDecision;
import io.qswarm.intelligence.bandit.api.RewardObservation;
import io.qswarm.intelligence.bandit.api.WarmStartBandit;
import io.qswarm.intelligence.domain.BanditPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A bandit policy on the real store: it is snapshotted through the Jackson serializer, and a policy loaded from its
 * snapshot (the cache is off, as after a restart) learns exactly as one rebuilt from every event.
 */
@SpringBootTest(
        classes = StorageTestApplication.class,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:bandit-snapshots;DB_CLOSE_DELAY=-1",
            "qswarm.snapshot.threshold=3",
            "qswarm.aggregate.cache=false"
        })
@ActiveProfiles("storage")
class BanditSnapshotIT {

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore events;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPolicyLoadedFromItsSnapshotLearnsLikeOneRebuiltFromEveryEvent() {
        // given a guarded policy with decisions, rewards and a warm start: enough events to be snapshotted
        commands.sendAndWait(aPolicy(new DriftGuard(1000, 0.01)));
        commands.sendAndWait(new WarmStartBandit(
                POLICY, "log-1", "click-log", List.of(logged("cache", 1, 1, 0, 0), logged("scan", -1, 0, 1, 1))));
        var random = new Random(11);
        for (int i = 0; i < 6; i++) {
            commands.sendAndWait(decision("d-" + i, random));
            commands.sendAndWait(new ObserveBanditReward(POLICY, "d-" + i, random.nextGaussian()));
        }
        Integer snapshots = jdbc.queryForObject(
                "SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Integer.class,
                POLICY.value());
        assertThat(snapshots).isPositive();
        DomainEventMessage<?> first = events.readEvents(POLICY.value()).next();
        assertThat(first.getPayload())
                .as("the stream starts from a readable snapshot")
                .isInstanceOf(BanditPolicy.class);

        // when one more decision is rewarded by the snapshot-loaded policy
        commands.sendAndWait(decision("d-last", random));
        List<Object> before = history();
        var last = new ObserveBanditReward(POLICY, "d-last", 0.5);
        RewardObservation observation = commands.sendAndWait(last);

        // then it stored exactly the events, and answered exactly what, a full replay gives
        List<Object> after = history();
        assertThat(after.size()).isGreaterThan(before.size());
        new AggregateTestFixture<>(BanditPolicy.class)
                .given(before)
                .when(last)
                .expectEvents(after.subList(before.size(), after.size()).toArray())
                .expectResultMessagePayload(observation);
    }

    private static RecordBanditDecision decision(String id, Random random) {
        return new RecordBanditDecision(
                POLICY,
                id,
                context(random.nextGaussian(), random.nextGaussian(), random.nextGaussian()),
                ACTIONS.get(random.nextInt(ACTIONS.size())),
                1.0 / ACTIONS.size(),
                0,
                DecisionSource.MODEL);
    }

    private List<Object> history() {
        List<Object> all = new ArrayList<>();
        events.readEvents(POLICY.value(), 0).asStream().forEach(event -> all.add(event.getPayload()));
        return all;
    }
}
