package io.qswarm.intelligence.bandit.api;

import io.qswarm.intelligence.api.Checks;
import java.util.List;

/**
 * One logged (context, action, reward, propensity) tuple: in {@code context} the logging policy chose
 * {@code action} with probability {@code propensity} and observed {@code reward}.
 */
public record LoggedInteraction(List<Double> context, String action, double reward, double propensity) {

    public LoggedInteraction {
        context = BanditChecks.context("context", context);
        Checks.identifier("action", action);
        Checks.finite("reward", reward);
        BanditChecks.propensity("propensity", propensity);
    }
}
