package io.qswarm.intelligence.valuefunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CommunicationTableTest {

    private final CueScoring scoring = new CueScoring(0.0, 0.1, 0.2, List.of("storm"));

    @Test
    void aCueIsScoredAsAClaimAboutTheNextReward() {
        // positive: +1 on a gain, −1 on a loss, 0 when flat, minus the cue cost 0.1
        assertThat(scoring.score(Cue.POSITIVE, Cue.Shown.NONE, "sun", 3.0)).isCloseTo(0.9, within(1e-15));
        assertThat(scoring.score(Cue.POSITIVE, Cue.Shown.NONE, "sun", -3.0)).isCloseTo(-1.1, within(1e-15));
        assertThat(scoring.score(Cue.POSITIVE, Cue.Shown.NONE, "sun", 0.0)).isCloseTo(-0.1, within(1e-15));
        // alert: the mirror image, plus the 0.2 bonus in a risky regime
        assertThat(scoring.score(Cue.ALERT, Cue.Shown.NONE, "sun", -3.0)).isCloseTo(0.9, within(1e-15));
        assertThat(scoring.score(Cue.ALERT, Cue.Shown.NONE, "storm", -3.0)).isCloseTo(1.1, within(1e-15));
        assertThat(scoring.score(Cue.ALERT, Cue.Shown.NONE, "storm", 3.0)).isCloseTo(-0.9, within(1e-15));
        // persist: the shown cue's claim without the cost; with nothing shown it only costs
        assertThat(scoring.score(Cue.PERSIST, Cue.Shown.ALERT, "storm", -3.0)).isCloseTo(1.2, within(1e-15));
        assertThat(scoring.score(Cue.PERSIST, Cue.Shown.POSITIVE, "sun", 3.0)).isEqualTo(1.0);
        assertThat(scoring.score(Cue.PERSIST, Cue.Shown.NONE, "sun", 3.0)).isCloseTo(-0.1, within(1e-15));
        assertThat(scoring.score(Cue.SILENT, Cue.Shown.ALERT, "storm", -3.0)).isZero();
    }

    @Test
    void itLearnsToAlertInStormsCheerInSunshineAndStaySilentInFog() {
        // given rewards that are mostly losses in storms, mostly gains in sunshine and a coin flip in fog, and cues
        // that cost 0.25: in fog a cue is right as often as wrong, so it only costs
        CommunicationTable table = CommunicationTable.create(
                List.of("sun", "fog", "storm"), new CueScoring(0.0, 0.25, 0.2, List.of("storm")));
        var rng = new SplittableRandom(7);
        List<String> regimes = List.of("sun", "fog", "storm");
        double[] gainChance = {0.8, 0.5, 0.2};
        double lastReward = 0;
        Cue.Shown shown = Cue.Shown.NONE;

        // when the table tries every cue in every context for a while (ε-greedy with ε = 0.3)
        for (int step = 0; step < 100_000; step++) {
            int regime = rng.nextInt(3);
            StateFeatures context = table.context(lastReward, regimes.get(regime), shown);
            Cue cue = rng.nextDouble() < 0.3 ? Cue.ofAction(rng.nextInt(4)) : table.cue(context);
            double reward = rng.nextDouble() < gainChance[regime] ? 1.0 : -1.0;
            table.learn(context, cue, reward, 0.01);
            shown = cue.displayAfter(shown);
            lastReward = reward;
        }

        // then
        assertThat(table.cue(table.context(1.0, "storm", Cue.Shown.NONE))).isEqualTo(Cue.ALERT);
        assertThat(table.cue(table.context(1.0, "sun", Cue.Shown.NONE))).isEqualTo(Cue.POSITIVE);
        assertThat(table.cue(table.context(1.0, "fog", Cue.Shown.NONE))).isEqualTo(Cue.SILENT);
        // and once an alert is shown in a storm, keeping it is cheaper than a fresh one
        assertThat(table.cue(table.context(-1.0, "storm", Cue.Shown.ALERT))).isEqualTo(Cue.PERSIST);
        assertThat(table.cue(table.context(1.0, "sun", Cue.Shown.POSITIVE))).isEqualTo(Cue.PERSIST);
    }

    @Test
    void itIsASmallTabularValueFunctionOverItsContext() {
        CommunicationTable table = CommunicationTable.create(List.of("sun", "fog", "storm"), scoring);
        StateFeatures context = table.context(-2.0, "storm", Cue.Shown.ALERT);

        ValueChange change = table.learn(context, Cue.PERSIST, -5.0, 0.5);

        assertThat(table.schema().key(context).value()).isEqualTo("outcome=loss|regime=storm|shown=alert");
        assertThat(change.newValue()).isCloseTo(0.6, within(1e-15));
        assertThat(table.parameterCount()).isEqualTo(3 * 3 * 3 * 4);
        assertThat(table.mergeSupport().mergeable()).isTrue();
        assertThat(table.spec().restore(table.parameters())).isEqualTo(table);
        assertThat(Cue.ALERT.displayAfter(Cue.Shown.POSITIVE)).isEqualTo(Cue.Shown.ALERT);
        assertThat(Cue.PERSIST.displayAfter(Cue.Shown.POSITIVE)).isEqualTo(Cue.Shown.POSITIVE);
        assertThat(Cue.SILENT.displayAfter(Cue.Shown.ALERT)).isEqualTo(Cue.Shown.NONE);
    }

    @Test
    void unknownRegimesAreRefused() {
        CommunicationTable table = CommunicationTable.create(List.of("sun"), new CueScoring(0, 0.1, 0, List.of()));

        assertThatThrownBy(() -> table.context(0, "hail", Cue.Shown.NONE))
                .hasMessage("unknown regime 'hail'; declared: [sun]");
        assertThatThrownBy(() -> new ValueFunctionSpec.Communication(
                        List.of("sun"), new CueScoring(0, 0.1, 0.1, List.of("storm"))))
                .hasMessage("risky regime 'storm' is not one of the regimes [sun]");
    }
}
