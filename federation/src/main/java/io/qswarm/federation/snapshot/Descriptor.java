package io.qswarm.federation.snapshot;

import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.ExplorationSchedule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What the version rules compare between two snapshots of a table: its representation (payload format, value-function
 * kind, action names in order: a change is incompatible, a new major) and its hyper-parameters (rule, α, γ,
 * exploration schedule, action base costs: a change is a new minor). Both are recorded in the manifest line.
 *
 * @param actions SHA-256 (hex) of the action names in order
 * @param exploration the schedule as text, {@code "unknown"} when not given
 * @param actionCosts SHA-256 (hex) of the actions' base costs in order
 */
public record Descriptor(
        int format,
        String valueFunction,
        String actions,
        String rule,
        double alpha,
        double gamma,
        String exploration,
        String actionCosts) {

    public static Descriptor of(KnowledgeSnapshot snapshot) {
        var names = new StringBuilder();
        var costs = new StringBuilder();
        for (ActionSpec action : snapshot.table().actions()) {
            names.append(action.name()).append('\n');
            costs.append(Double.toString(action.baseCost())).append('\n');
        }
        return new Descriptor(
                snapshot.table().formatVersion(),
                snapshot.valueFunction().name(),
                sha256(names.toString()),
                snapshot.table().rule().name(),
                snapshot.table().alpha(),
                snapshot.table().gamma(),
                describe(snapshot.exploration()),
                sha256(costs.toString()));
    }

    /** Whether a consumer of {@code other} could read this one (same format, value-function kind and actions). */
    public boolean sameRepresentationAs(Descriptor other) {
        return format == other.format && valueFunction.equals(other.valueFunction) && actions.equals(other.actions);
    }

    public boolean sameParametersAs(Descriptor other) {
        return rule.equals(other.rule)
                && Double.compare(alpha, other.alpha) == 0
                && Double.compare(gamma, other.gamma) == 0
                && exploration.equals(other.exploration)
                && actionCosts.equals(other.actionCosts);
    }

    static String describe(ExplorationSchedule schedule) {
        if (schedule == null) {
            return "unknown";
        }
        return String.format(
                Locale.ROOT,
                "%s start=%s end=%s rate=%s steps=%d",
                schedule.kind(),
                Double.toString(schedule.start()),
                Double.toString(schedule.end()),
                Double.toString(schedule.rate()),
                schedule.steps());
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
