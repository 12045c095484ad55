package io.qswarm.intelligence.domain;

import static io.qswarm.intelligence.bandit.BanditFixtures.ACTIONS;
import static io.qswarm.intelligence.bandit.BanditFixtures.POLICY;
import static io.qswarm.intelligence.bandit.BanditFixtures.aPolicy;
import static io.qswarm.intelligence.bandit.BanditFixtures.created;
import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.intelligence.bandit.BanditPosterior;
import io.qswarm.intelligence.bandit.api.BanditPosteriorExport;
import io.qswarm.intelligence.bandit.api.DecisionSource;
import io.qswarm.intelligence.bandit.api.DriftGuard;
import io.qswarm.intelligence.bandit.api.LoggedInteraction;
import io.qswarm.intelligence.bandit.api.MergeBanditPosterior;
import io.qswarm.intelligence.bandit.api.ObserveBanditReward;
import io.qswarm.intelligence.bandit.api.RecordBanditDecision;
import io.qswarm.intelligence.bandit.api.WarmStartBandit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

/**
 * Random command sequences against the policy, with and without a drift guard that trips and clears. After every
 * command the fixture rebuilds the policy from all events and compares it with the live one, field by field
 * (the posterior by value, to the last bit): replay equals live. The exported posterior is also rebuilt from its
 * per-origin statistics and must match the live one up to rounding.
 */
class BanditPolicyReplayTest {

    private static final List<String> IDS = List.of("d0", "d1", "d2", "d3", "d4");

    @Property(tries = 60)
    void replayingTheEventsRebuildsTheLivePolicy(@ForAll boolean guarded, @ForAll("commands") List<Object> commands) {
        List<Object> history = new ArrayList<>();
        history.add(created(aPolicy(guarded ? new DriftGuard(0.3, 0.04) : null)));
        var export = new AtomicReference<BanditPosteriorExport>();
        var live = new AtomicReference<BanditPosterior>();
        for (Object command : commands) {
            var fixture = new AggregateTestFixture<>(BanditPolicy.class);
            var captured = new Capture();
            var result = fixture.given(history).when(command).expectEventsMatching(captured);
            if (captured.events.isEmpty() && live.get() == null) {
                continue;
            }
            try {
                result.expectState(policy -> {
                    export.set(policy.export());
                    live.set(policy.posterior());
                });
            } catch (IllegalStateException refused) {
                // the command was refused and rolled back: the state of the previous command stands
            }
            captured.events.forEach(event -> history.add(event.getPayload()));
        }
        // and the exported statistics rebuild the live posterior up to rounding
        if (live.get() == null) {
            return;
        }
        BanditPosterior rebuilt = BanditPosterior.of(export.get());
        assertThat(rebuilt.statistics()).isEqualTo(live.get().statistics());
        for (int k = 0; k < ACTIONS.size(); k++) {
            double[] expected = live.get().posterior(k).mean();
            double[] actual = rebuilt.posterior(k).mean();
            for (int i = 0; i < expected.length; i++) {
                assertThat(Math.abs(actual[i] - expected[i])).isLessThanOrEqualTo(1e-9 * (1 + Math.abs(expected[i])));
            }
        }
    }

    @Provide
    Arbitrary<List<Object>> commands() {
        Arbitrary<Object> command = Arbitraries.frequencyOf(
                Tuple.of(4, decisions()), Tuple.of(4, rewards()), Tuple.of(1, warmStarts()), Tuple.of(1, merges()));
        return command.list().ofMinSize(1).ofMaxSize(10);
    }

    private Arbitrary<List<Double>> contexts() {
        return Arbitraries.doubles().between(-1, 1).list().ofSize(3).map(ArrayList::new);
    }

    private Arbitrary<Object> decisions() {
        return Combinators.combine(
                        Arbitraries.of(IDS), contexts(), Arbitraries.of(ACTIONS), Arbitraries.of(true, false))
                .as((id, x, action, byModel) -> byModel
                        ? new RecordBanditDecision(POLICY, id, x, action, 0.4, 0, DecisionSource.MODEL)
                        : new RecordBanditDecision(POLICY, id, x, "scan", 1.0, 0, DecisionSource.DEFAULT_POLICY));
    }

    private Arbitrary<Object> rewards() {
        return Combinators.combine(Arbitraries.of(IDS), Arbitraries.doubles().between(-2, 2))
                .as((id, reward) -> new ObserveBanditReward(POLICY, id, reward));
    }

    private Arbitrary<Object> warmStarts() {
        Arbitrary<LoggedInteraction> interaction = Combinators.combine(
                        contexts(),
                        Arbitraries.of(ACTIONS),
                        Arbitraries.doubles().between(-1, 1))
                .as((x, action, reward) -> new LoggedInteraction(x, action, reward, 1.0 / 3));
        return Combinators.combine(
                        Arbitraries.of("i0", "i1"),
                        Arbitraries.of("log-a", "log-b"),
                        interaction.list().ofMinSize(1).ofMaxSize(40))
                .as((importId, origin, log) -> new WarmStartBandit(POLICY, importId + origin, origin, log));
    }

    /** A peer that saw a prefix of its own fixed stream. */
    private Arbitrary<Object> merges() {
        return Combinators.combine(
                        Arbitraries.of("peer-a", "peer-b"),
                        Arbitraries.integers().between(1, 30))
                .as((peer, seen) -> {
                    BanditPosterior posterior = new BanditPosterior(ACTIONS, 3, 1.0);
                    for (int i = 0; i < seen; i++) {
                        double[] x = {Math.sin(i + peer.length()), Math.cos(i), 0.5};
                        posterior.observe(peer, i % 3, x, peer.equals("peer-a") ? x[0] : -x[1]);
                    }
                    return new MergeBanditPosterior(POLICY, peer, null, posterior.statistics());
                });
    }

    /** Keeps the events a command produced. */
    private static final class Capture extends BaseMatcher<List<EventMessage<?>>> {
        final List<EventMessage<?>> events = new ArrayList<>();

        @Override
        @SuppressWarnings("unchecked")
        public boolean matches(Object actual) {
            events.addAll((List<EventMessage<?>>) actual);
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("any events");
        }
    }
}
