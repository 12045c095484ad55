package io.qswarm.intelligence.bandit;

import io.qswarm.intelligence.bandit.api.LoggedInteraction;
import java.util.List;

/**
 * A logged interaction in the math's terms: context vector, action index, reward and the logging policy's
 * propensity for that action.
 */
public record LoggedSample(double[] context, int action, double reward, double propensity) {

    /** {@code interaction} with its action looked up in {@code actions}. */
    public static LoggedSample of(LoggedInteraction interaction, List<String> actions) {
        int action = actions.indexOf(interaction.action());
        if (action < 0) {
            throw new IllegalArgumentException("unknown action '" + interaction.action() + "'");
        }
        return new LoggedSample(
                BanditPosterior.vector(interaction.context()), action, interaction.reward(), interaction.propensity());
    }
}
