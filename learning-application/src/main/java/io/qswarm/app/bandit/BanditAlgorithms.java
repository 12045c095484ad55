package io.qswarm.app.bandit;

import io.qswarm.intelligence.bandit.api.BanditAlgorithm;
import java.util.Locale;

/** The API's names of the bandit algorithms: {@code linucb} and {@code lints}. */
final class BanditAlgorithms {

    private BanditAlgorithms() {}

    static String name(BanditAlgorithm algorithm) {
        return algorithm == BanditAlgorithm.LIN_UCB ? "linucb" : "lints";
    }

    /** {@code linucb}/{@code lints}, also as the enum names {@code LIN_UCB}/{@code LIN_TS}, in any case. */
    static BanditAlgorithm parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("algorithm is required: linucb or lints");
        }
        return switch (name.strip().toLowerCase(Locale.ROOT).replace("_", "")) {
            case "linucb" -> BanditAlgorithm.LIN_UCB;
            case "lints" -> BanditAlgorithm.LIN_TS;
            default -> throw new IllegalArgumentException("algorithm must be linucb or lints, was '" + name + "'");
        };
    }
}
