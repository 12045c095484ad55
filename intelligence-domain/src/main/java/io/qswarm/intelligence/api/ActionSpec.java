package io.qswarm.intelligence.api;

/**
 * One action of a table's action space. The base cost breaks ties in greedy selection: among actions sharing the
 * maximum value, the cheapest wins, then the one declared first.
 */
public record ActionSpec(String name, double baseCost) {

    public ActionSpec {
        Checks.identifier("action name", name);
        Checks.finite("baseCost of action " + name, baseCost);
    }

    public static ActionSpec of(String name, double baseCost) {
        return new ActionSpec(name, baseCost);
    }
}
