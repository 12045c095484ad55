package io.qswarm.intelligence.api;

/**
 * One action of a table's action space. The base cost breaks ties in greedy selection: among actions sharing the
 * maximum value, the cheapest wins, then the one declared first.
 *
 * @param category optional class of the action (e.g. entry, add, trim, exit) that read models such as edge scores
 *     group by; when absent the action is its own category
 */
public record ActionSpec(String name, double baseCost, @AddedLater String category) {

    public ActionSpec {
        Checks.identifier("action name", name);
        Checks.finite("baseCost of action " + name, baseCost);
        if (category != null) {
            Checks.identifier("category of action " + name, category);
        }
    }

    public ActionSpec(String name, double baseCost) {
        this(name, baseCost, null);
    }

    public static ActionSpec of(String name, double baseCost) {
        return new ActionSpec(name, baseCost, null);
    }

    /** The category this action is grouped under: its declared category, or its name. */
    public String categoryOrName() {
        return category == null ? name : category;
    }
}
