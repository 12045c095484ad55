package io.qswarm.intelligence.bandit.api;

import io.qswarm.intelligence.api.Checks;

/** Identifies one bandit policy. Also the origin key of the observations it made itself. */
public record BanditPolicyId(String value) {

    public BanditPolicyId {
        Checks.identifier("policyId", value);
    }

    public static BanditPolicyId of(String value) {
        return new BanditPolicyId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
