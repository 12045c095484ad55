package io.qswarm.environments.market;

import java.util.List;

/** A market configuration that cannot be used; every violation names the offending field by its JSON path. */
public final class MarketConfigException extends IllegalArgumentException {

    private final List<String> violations;

    public MarketConfigException(List<String> violations) {
        super("invalid market config: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    /** One message per violation, each starting with the field's path, e.g. {@code "feeBps must be ..."}. */
    public List<String> violations() {
        return violations;
    }
}
