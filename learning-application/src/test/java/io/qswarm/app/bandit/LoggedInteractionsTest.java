package io.qswarm.app.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qswarm.intelligence.bandit.api.BanditAlgorithm;
import io.qswarm.intelligence.bandit.api.BanditPolicyCreated;
import io.qswarm.intelligence.bandit.api.BanditPolicyId;
import io.qswarm.intelligence.bandit.api.DefaultPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Logs are checked against the policy tuple by tuple, and a bad tuple is named by its line in the body. */
class LoggedInteractionsTest {

    private static final BanditPolicyCreated POLICY = new BanditPolicyCreated(
            BanditPolicyId.of("p"),
            List.of("a", "b"),
            2,
            1.0,
            BanditAlgorithm.LIN_UCB,
            0.1,
            DefaultPolicy.uniform(),
            null);

    @Test
    void aCsvLogReadsWithItsFeatureColumns() {
        var log = LoggedInteractions.read(
                "x0,x1,action,reward,propensity\n0.5,1,a,2,0.5\n", LoggedInteractions.CSV, POLICY, 10);

        assertThat(log).hasSize(1);
        assertThat(log.get(0).context()).containsExactly(0.5, 1.0);
        assertThat(log.get(0).reward()).isEqualTo(2.0);
    }

    @Test
    void aBadTupleIsNamedByItsLineCountingBlankLinesAndTheHeader() {
        String csv = "\nx0,x1,action,reward,propensity\n0,1,a,1,0.5\n\n1,0,z,1,0.5\n";

        assertThatThrownBy(() -> LoggedInteractions.read(csv, LoggedInteractions.CSV, POLICY, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 5: action 'z' is not one of [a, b]");
        assertThatThrownBy(() -> LoggedInteractions.read(
                        "\n{\"context\":[1],\"action\":\"a\",\"reward\":1,\"propensity\":1}",
                        LoggedInteractions.NDJSON,
                        POLICY,
                        10))
                .hasMessage("line 2: context has 1 features, the policy expects 2");
    }

    @Test
    void anEmptyOrTooLongLogIsRefused() {
        String tuple = "{\"context\":[1,0],\"action\":\"a\",\"reward\":1,\"propensity\":1}\n";

        assertThatThrownBy(() -> LoggedInteractions.read("\n\n", LoggedInteractions.NDJSON, POLICY, 10))
                .hasMessage("the log holds no interactions");
        assertThatThrownBy(() -> LoggedInteractions.read(tuple.repeat(3), LoggedInteractions.NDJSON, POLICY, 2))
                .isInstanceOf(BanditRefusal.class)
                .hasMessageContaining("the log holds 3 interactions, more than the 2");
    }
}
