package io.qswarm.app.bandit;

import io.qswarm.infra.axon.EventStreams;
import io.qswarm.intelligence.bandit.BanditPosterior;
import io.qswarm.intelligence.bandit.LinUcb;
import io.qswarm.intelligence.bandit.LinearThompsonSampling;
import io.qswarm.intelligence.bandit.LoggedSample;
import io.qswarm.intelligence.bandit.OffPolicyEvaluation;
import io.qswarm.intelligence.bandit.TargetPolicy;
import io.qswarm.intelligence.bandit.api.BanditAlgorithm;
import io.qswarm.intelligence.bandit.api.BanditChecks;
import io.qswarm.intelligence.bandit.api.BanditError;
import io.qswarm.intelligence.bandit.api.BanditPolicyCreated;
import io.qswarm.intelligence.bandit.api.BanditPolicyId;
import io.qswarm.intelligence.bandit.api.BanditPosteriorExport;
import io.qswarm.intelligence.bandit.api.BanditRefusedException;
import io.qswarm.intelligence.bandit.api.CreateBanditPolicy;
import io.qswarm.intelligence.bandit.api.DefaultPolicy;
import io.qswarm.intelligence.bandit.api.LoggedInteraction;
import io.qswarm.intelligence.bandit.api.MergeBanditPosterior;
import io.qswarm.intelligence.bandit.api.ObserveBanditReward;
import io.qswarm.intelligence.bandit.api.PosteriorMergeCounts;
import io.qswarm.intelligence.bandit.api.RecordBanditDecision;
import io.qswarm.intelligence.bandit.api.RewardObservation;
import io.qswarm.intelligence.bandit.api.WarmStartBandit;
import io.qswarm.intelligence.bandit.api.WarmStartResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Serves bandit policies: decides in the runtime and records each decision as a fact, forwards rewards, warm starts
 * and merges to the {@code BanditPolicy} aggregate, and evaluates the current policy off-policy.
 *
 * <p>Every policy in use has a {@link PolicyMirror} in memory, folded from its stored events on first use and
 * advanced by the events stored since (one read of the stream's tail per request, usually one or two events). So a
 * decision uses the posterior the aggregate holds without replaying the stream, also when another node changed the
 * policy. Requests to one policy are serialised on its mirror: decision numbers (the seed of each decision's draw)
 * follow the order of recorded decisions.
 */
@Component
public class BanditRuntime {

    static final String DECISION_PREFIX = "d-";

    private final CommandGateway commands;
    private final EventStreams events;
    private final BanditDecider decider;
    private final int maxLoggedInteractions;
    private final ConcurrentMap<String, PolicyMirror> mirrors = new ConcurrentHashMap<>();

    public BanditRuntime(CommandGateway commands, EventStreams events, BanditProperties properties) {
        this.commands = commands;
        this.events = events;
        this.decider = new BanditDecider(properties.seed());
        this.maxLoggedInteractions = Math.min(properties.maxLoggedInteractions(), WarmStartBandit.MAX_INTERACTIONS);
    }

    /** The answer to a decision request. */
    public record DecisionAnswer(
            String decisionId, String action, double propensity, long modelVersion, boolean fallback) {}

    /** The answer to a reward. */
    public record RewardAnswer(String decisionId, double reward, long modelVersion, boolean guardTripped) {}

    /** The answer to a warm start. */
    public record WarmStartAnswer(
            String importId, boolean duplicate, int learned, long modelVersion, boolean guardTripped) {}

    /**
     * Off-policy estimates of the policy as it would decide now ({@code evaluated}: {@code linucb}, {@code lints},
     * or {@code default-policy} while the drift guard is tripped). {@code selfNormalized} is null when the policy
     * never takes a logged action.
     */
    public record EvaluationAnswer(
            String policyId,
            long modelVersion,
            String evaluated,
            int samples,
            OffPolicyEvaluation.Estimate inversePropensity,
            OffPolicyEvaluation.Estimate selfNormalized,
            OffPolicyEvaluation.Estimate doublyRobust) {}

    public BanditPolicyView create(CreateBanditPolicy command) {
        try {
            send(command);
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            throw BanditRefusal.alreadyExists(command.policyId().value());
        }
        return view(command.policyId().value());
    }

    public BanditPolicyView view(String policyId) {
        return withPolicy(policyId, PolicyMirror::view);
    }

    public BanditPosteriorExport posterior(String policyId) {
        return withPolicy(policyId, PolicyMirror::export);
    }

    /** Decides in {@code context} with the policy's posterior (or its default policy) and records the decision. */
    public DecisionAnswer decide(String policyId, List<Double> context) {
        List<Double> x = BanditChecks.context("context", context);
        return withPolicy(policyId, mirror -> {
            BanditPolicyCreated policy = mirror.definition();
            if (x.size() != policy.dimension()) {
                throw new BanditRefusedException(
                        BanditError.DIMENSION_MISMATCH,
                        "context has " + x.size() + " features, the policy expects " + policy.dimension());
            }
            long number = mirror.decisions() + 1;
            long version = mirror.modelVersion();
            BanditDecider.Choice choice = decider.decide(
                    policy, mirror.posterior(), mirror.guardTripped(), BanditPosterior.vector(x), number);
            String decisionId = DECISION_PREFIX + number;
            send(new RecordBanditDecision(
                    policy.policyId(),
                    decisionId,
                    x,
                    choice.action(),
                    choice.propensity(),
                    version,
                    choice.decidedBy()));
            refresh(policyId, mirror);
            return new DecisionAnswer(decisionId, choice.action(), choice.propensity(), version, choice.fallback());
        });
    }

    public RewardAnswer observe(String policyId, String decisionId, Double reward) {
        if (reward == null) {
            throw new IllegalArgumentException("reward is required");
        }
        return withPolicy(policyId, mirror -> {
            RewardObservation observation =
                    send(new ObserveBanditReward(mirror.definition().policyId(), decisionId, reward));
            if (observation.duplicate()) {
                throw BanditRefusal.alreadyRewarded(policyId, decisionId);
            }
            refresh(policyId, mirror);
            return new RewardAnswer(decisionId, reward, observation.modelVersion(), observation.guardTripped());
        });
    }

    /**
     * Learns a logged-interaction log. {@code importId} defaults to the SHA-256 of the body, so sending the same log
     * twice learns it once.
     */
    public WarmStartAnswer warmStart(String policyId, String body, MediaType type, String importId, String origin) {
        String id = importId != null ? importId : "sha256:" + sha256(body);
        return withPolicy(policyId, mirror -> {
            List<LoggedInteraction> log =
                    LoggedInteractions.read(body, type, mirror.definition(), maxLoggedInteractions);
            WarmStartResult result =
                    send(new WarmStartBandit(mirror.definition().policyId(), id, origin, log));
            refresh(policyId, mirror);
            return new WarmStartAnswer(
                    id, result.duplicate(), result.learned(), result.modelVersion(), result.guardTripped());
        });
    }

    /** Merges a peer's posterior export; {@code peer} defaults to the exporting policy's id. */
    public PosteriorMergeCounts merge(String policyId, BanditPosteriorExport export, String peer, String round) {
        if (export == null || export.statistics() == null) {
            throw new IllegalArgumentException("a posterior export with its statistics is required");
        }
        String from = peer != null
                ? peer
                : export.policyId() == null ? null : export.policyId().value();
        if (from == null) {
            throw new IllegalArgumentException("peer is required when the export names no policyId");
        }
        return withPolicy(policyId, mirror -> {
            PosteriorMergeCounts counts =
                    send(new MergeBanditPosterior(mirror.definition().policyId(), from, round, export.statistics()));
            refresh(policyId, mirror);
            return counts;
        });
    }

    /** IPS, SNIPS and doubly robust estimates of the policy as it decides now, on a logged-interaction log. */
    public EvaluationAnswer evaluate(String policyId, String body, MediaType type) {
        record Current(
                BanditPolicyCreated policy,
                BanditPosterior posterior,
                boolean tripped,
                long version,
                List<LoggedInteraction> log) {}
        Current current = withPolicy(
                policyId,
                mirror -> new Current(
                        mirror.definition(),
                        mirror.posterior().copy(),
                        mirror.guardTripped(),
                        mirror.modelVersion(),
                        LoggedInteractions.read(body, type, mirror.definition(), maxLoggedInteractions)));
        if (current.log().size() < 2) {
            throw new IllegalArgumentException("an evaluation needs at least 2 logged interactions, had 1");
        }
        List<String> actions = current.policy().actions();
        List<LoggedSample> samples =
                current.log().stream().map(i -> LoggedSample.of(i, actions)).toList();
        String evaluated = current.tripped()
                ? "default-policy"
                : BanditAlgorithms.name(current.policy().algorithm());
        TargetPolicy target = target(current.policy(), current.posterior(), current.tripped());
        OffPolicyEvaluation.Estimate selfNormalized;
        try {
            selfNormalized =
                    OffPolicyEvaluation.selfNormalizedInversePropensityScoring(samples, target, actions.size());
        } catch (IllegalArgumentException noOverlap) {
            selfNormalized = null;
        }
        return new EvaluationAnswer(
                policyId,
                current.version(),
                evaluated,
                samples.size(),
                OffPolicyEvaluation.inversePropensityScoring(samples, target, actions.size()),
                selfNormalized,
                OffPolicyEvaluation.doublyRobust(
                        samples, target, actions.size(), current.policy().ridge(), 2));
    }

    /** The action probabilities of the policy as it decides now. */
    static TargetPolicy target(BanditPolicyCreated policy, BanditPosterior posterior, boolean tripped) {
        int actions = policy.actions().size();
        if (tripped) {
            DefaultPolicy fallback = policy.defaultPolicy();
            return (x, probabilities) -> {
                for (int a = 0; a < actions; a++) {
                    probabilities[a] = fallback.probabilityOf(policy.actions().get(a), actions);
                }
            };
        }
        if (policy.algorithm() == BanditAlgorithm.LIN_UCB) {
            var rule = new LinUcb(policy.explorationScale());
            return TargetPolicy.deterministic(x -> rule.choose(posterior, x));
        }
        var rule = new LinearThompsonSampling(policy.explorationScale());
        return (x, probabilities) -> {
            double[] p = rule.propensities(posterior, x);
            System.arraycopy(p, 0, probabilities, 0, p.length);
        };
    }

    /** Runs {@code action} on the policy's mirror, brought up to date, under its lock. */
    private <T> T withPolicy(String policyId, Function<PolicyMirror, T> action) {
        BanditPolicyId.of(policyId); // a clear 400 for an id no policy can have
        PolicyMirror mirror = mirrors.computeIfAbsent(policyId, id -> new PolicyMirror());
        synchronized (mirror) {
            refresh(policyId, mirror);
            if (!mirror.exists()) {
                mirrors.remove(policyId, mirror);
                throw BanditRefusal.unknownPolicy(policyId);
            }
            return action.apply(mirror);
        }
    }

    /** Folds the events stored after what the mirror has seen. */
    private void refresh(String policyId, PolicyMirror mirror) {
        events.read(policyId, mirror.nextSequence(), mirror::accept);
    }

    /** Sends and waits; a refusal comes back as the exception the aggregate threw. */
    private <R> R send(Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof BanditRefusedException refused) {
                throw refused;
            }
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw invalid;
            }
            throw e;
        }
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
