package io.qswarm.app.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a credential may do. The rules per endpoint are in {@link AccessRules}; {@link #ADMIN} passes every rule.
 *
 * <ul>
 *   <li>{@link #AGENT}: creates, records into and reads its own tables (scope: the agent id);
 *   <li>{@link #OPERATOR}: tables, swarms, rounds, peers, read-model rebuilds, snapshots, bandits; reads everything;
 *   <li>{@link #AUDITOR}: audits, exports, proofs, off-policy evaluations; reads everything;
 *   <li>{@link #VIEWER}: reads;
 *   <li>{@link #PEER}: another deployment sending signed packets and reading published snapshots (scope: its peer id);
 *   <li>{@link #ADMIN}: everything, including tokens.
 * </ul>
 */
public enum Role {
    ADMIN,
    OPERATOR,
    AUDITOR,
    VIEWER,
    AGENT,
    PEER;

    /** The Spring Security authority of the role: {@code ROLE_OPERATOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role's name as users write it: {@code operator}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a credential of this role names what it acts for (an agent id, a peer id). */
    public boolean scoped() {
        return this == AGENT || this == PEER;
    }

    /** The role named {@code name}, in any case; refuses an unknown name with the list of roles. */
    public static Role of(String name) {
        if (name != null) {
            for (Role role : values()) {
                if (role.label().equalsIgnoreCase(name.trim())) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("role must be one of " + labels() + ", was '" + shorten(name) + "'");
    }

    /** {@code admin, operator, ...}. */
    public static String labels() {
        return Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", "));
    }

    private static String shorten(String text) {
        String value = String.valueOf(text);
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
