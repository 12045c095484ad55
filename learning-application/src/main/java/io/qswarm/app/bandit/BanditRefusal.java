package io.qswarm.app.bandit;

import org.springframework.http.HttpStatus;

/** A bandit request the runtime refuses before or instead of a command: its HTTP status, code and reason. */
final class BanditRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    private BanditRefusal(HttpStatus status, String code, String reason) {
        super(reason);
        this.status = status;
        this.code = code;
    }

    static BanditRefusal unknownPolicy(String policyId) {
        return new BanditRefusal(
                HttpStatus.NOT_FOUND,
                "unknown-bandit-policy",
                "unknown bandit policy '" + policyId + "'; create it with POST /api/v1/bandits");
    }

    static BanditRefusal alreadyExists(String policyId) {
        return new BanditRefusal(
                HttpStatus.CONFLICT,
                "conflict",
                "'" + policyId + "' already names a bandit policy or a table; choose another policyId");
    }

    static BanditRefusal alreadyRewarded(String policyId, String decisionId) {
        return new BanditRefusal(
                HttpStatus.CONFLICT,
                "already-rewarded",
                "decision " + decisionId + " of bandit policy " + policyId
                        + " was rewarded before; a decision learns from one reward, nothing changed");
    }

    static BanditRefusal tooLarge(String reason) {
        return new BanditRefusal(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", reason);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
