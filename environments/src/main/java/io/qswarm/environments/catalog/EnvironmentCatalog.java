package io.qswarm.environments.catalog;

import io.qswarm.environments.Environment;
import io.qswarm.environments.market.MarketEnvironment;
import io.qswarm.environments.routing.RoutingEnvironment;
import io.qswarm.environments.toytext.CliffWalkingEnvironment;
import io.qswarm.environments.toytext.FrozenLakeEnvironment;
import io.qswarm.environments.toytext.TaxiEnvironment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Creates environments by name, one fresh instance per call (one per agent). The names are those returned by
 * {@link Environment#name()}; the market is created with its default configuration (build a
 * {@link MarketEnvironment} from a {@link io.qswarm.environments.market.MarketConfig} for another).
 */
public final class EnvironmentCatalog {

    private static final Map<String, Supplier<Environment>> FACTORIES = factories();

    private EnvironmentCatalog() {}

    public static Set<String> names() {
        return FACTORIES.keySet();
    }

    /**
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Environment create(String name) {
        Supplier<Environment> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown environment '" + name + "'; known: " + names());
        }
        return factory.get();
    }

    private static Map<String, Supplier<Environment>> factories() {
        Map<String, Supplier<Environment>> factories = new LinkedHashMap<>();
        factories.put(TaxiEnvironment.NAME, TaxiEnvironment::new);
        factories.put("FrozenLake-v1", () -> FrozenLakeEnvironment.fourByFour(true));
        factories.put("FrozenLake-v1-not-slippery", () -> FrozenLakeEnvironment.fourByFour(false));
        factories.put("FrozenLake8x8-v1", () -> FrozenLakeEnvironment.eightByEight(true));
        factories.put("FrozenLake8x8-v1-not-slippery", () -> FrozenLakeEnvironment.eightByEight(false));
        factories.put("CliffWalking-v1", CliffWalkingEnvironment::new);
        factories.put("CliffWalkingSlippery-v1", () -> CliffWalkingEnvironment.slippery(0));
        factories.put(MarketEnvironment.NAME, MarketEnvironment::new);
        factories.put(RoutingEnvironment.NAME, RoutingEnvironment::new);
        return Collections.unmodifiableMap(factories);
    }
}
