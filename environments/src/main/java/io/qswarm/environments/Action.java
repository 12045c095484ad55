package io.qswarm.environments;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One action of an environment. Agents map actions onto their Q-table's action space by name and by position: the
 * index of an action in {@link Environment#actions()} is the integer passed to {@link Environment#step}.
 *
 * @param name identifier of the action, e.g. {@code "south"} or {@code "consult_peer"}
 * @param baseCost the environment's declared cost of taking the action (0 for the Gymnasium environments); a Q-table
 *     uses it to break ties among actions of equal value
 */
public record Action(String name, double baseCost) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_]{0,63}");

    public Action {
        Objects.requireNonNull(name, "action name is required");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "action name must be 1-64 lower-case letters, digits or '_', was '" + name + "'");
        }
        if (!Double.isFinite(baseCost) || baseCost < 0) {
            throw new IllegalArgumentException(
                    "baseCost of action " + name + " must be a finite number >= 0, was " + baseCost);
        }
    }

    public static Action free(String name) {
        return new Action(name, 0.0);
    }
}
