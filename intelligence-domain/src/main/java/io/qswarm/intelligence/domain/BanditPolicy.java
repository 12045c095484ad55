package io.qswarm.intelligence.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.qswarm.intelligence.bandit.BanditPosterior;
import io.qswarm.intelligence.bandit.CovarianceTrace;
import io.qswarm.intelligence.bandit.PosteriorMerge;
import io.qswarm.intelligence.bandit.api.BanditAlgorithm;
import io.qswarm.intelligence.bandit.api.BanditDecisionRecorded;
import io.qswarm.intelligence.bandit.api.BanditError;
import io.qswarm.intelligence.bandit.api.BanditPolicyCreated;
import io.qswarm.intelligence.bandit.api.BanditPolicyId;
import io.qswarm.intelligence.bandit.api.BanditPosteriorExport;
import io.qswarm.intelligence.bandit.api.BanditPosteriorMerged;
import io.qswarm.intelligence.bandit.api.BanditRefusedException;
import io.qswarm.intelligence.bandit.api.BanditRewardObserved;
import io.qswarm.intelligence.bandit.api.BanditWarmStarted;
import io.qswarm.intelligence.bandit.api.CreateBanditPolicy;
import io.qswarm.intelligence.bandit.api.DecisionSource;
import io.qswarm.intelligence.bandit.api.DefaultPolicy;
import io.qswarm.intelligence.bandit.api.DriftGuard;
import io.qswarm.intelligence.bandit.api.DriftGuardCleared;
import io.qswarm.intelligence.bandit.api.DriftGuardTripped;
import io.qswarm.intelligence.bandit.api.LoggedInteraction;
import io.qswarm.intelligence.bandit.api.MergeBanditPosterior;
import io.qswarm.intelligence.bandit.api.ObserveBanditReward;
import io.qswarm.intelligence.bandit.api.PosteriorMergeCounts;
import io.qswarm.intelligence.bandit.api.RecordBanditDecision;
import io.qswarm.intelligence.bandit.api.RewardObservation;
import io.qswarm.intelligence.bandit.api.WarmStartBandit;
import io.qswarm.intelligence.bandit.api.WarmStartResult;
import io.qswarm.intelligence.integrity.HashChain;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A contextual-bandit policy: per action a linear reward model learned from the rewards of recorded decisions,
 * from logged interactions and from peers' posteriors.
 *
 * <p>The aggregate decides nothing and draws nothing: the caller's seeded runtime chooses an action (LinUCB or
 * linear Thompson sampling over the posterior it loaded) and the policy records that decision as a fact, with its
 * propensity and the model version it was made with. Every reward, warm start or merge that changes the posterior
 * advances the model version (by the observations learned; by one per merge). The posterior update itself
 * ({@link BanditPosterior}: Sherman–Morrison per observation, per-origin statistics) runs in the event-sourcing
 * handlers, so replay recomputes exactly the live posterior from the recorded facts.
 *
 * <p>Merges never double count: statistics are kept per origin and a peer's statistic replaces the held one only
 * when its count is larger ({@link PosteriorMerge}). After every posterior change the drift guard compares the
 * posterior covariance trace with its bound ({@link CovarianceTrace}); when it trips, the policy records
 * {@link DriftGuardTripped} and accepts only decisions of the default policy until {@link DriftGuardCleared}.
 *
 * <p>Events carry the policy's hash chain in their metadata ({@link HashChain}), as the QTable's do.
 */
public class BanditPolicy {

    @AggregateIdentifier
    private BanditPolicyId policyId;

    private List<String> actions;
    private int dimension;
    private BanditAlgorithm algorithm;
    private double explorationScale;
    private DefaultPolicy defaultPolicy;
    private DriftGuard driftGuard;
    private BanditPosterior posterior;
    private long modelVersion;
    private boolean guardTripped;
    private Map<String, BanditDecisionRecorded> openDecisions;
    private Set<String> rewardedDecisions;
    private Set<String> imports;
    private String lastHash;

    protected BanditPolicy() {
        // for Axon and snapshot deserialization
    }

    @CommandHandler
    public BanditPolicy(CreateBanditPolicy command) {
        // events applied in a constructor reach the handlers only after it returns: chain and guard from the command
        var created = new BanditPolicyCreated(
                command.policyId(),
                command.actions(),
                command.dimension(),
                command.ridge(),
                command.algorithm(),
                command.explorationScale(),
                command.defaultPolicy(),
                command.driftGuard());
        String hash = chained(created, HashChain.GENESIS);
        DriftGuard guard = command.driftGuard();
        if (guard != null) {
            var prior = new BanditPosterior(command.actions(), command.dimension(), command.ridge());
            double trace = CovarianceTrace.of(prior, guard.priorNoiseVariance());
            if (CovarianceTrace.trips(trace, guard)) {
                chained(
                        new DriftGuardTripped(
                                command.policyId(), trace, guard.maxCovarianceTrace(), 0, command.defaultPolicy()),
                        hash);
            }
        }
    }

    @CommandHandler
    public void handle(RecordBanditDecision command) {
        BanditDecisionRecorded open = openDecisions.get(command.decisionId());
        if (open != null) {
            if (!open.equals(recorded(command))) {
                throw new BanditRefusedException(
                        BanditError.CONFLICTING_DECISION,
                        "decision " + command.decisionId() + " was recorded before with other facts");
            }
            return;
        }
        if (rewardedDecisions.contains(command.decisionId())) {
            return;
        }
        requireContext(command.context(), "context");
        requireAction(command.action(), "action");
        if (command.modelVersion() > modelVersion) {
            throw new BanditRefusedException(
                    BanditError.FUTURE_MODEL_VERSION,
                    "decision made with model version " + command.modelVersion() + ", the policy is at "
                            + modelVersion);
        }
        if (command.decidedBy() == DecisionSource.MODEL && guardTripped) {
            throw new BanditRefusedException(
                    BanditError.GUARD_TRIPPED,
                    "the drift guard is tripped: decisions must come from the default policy " + defaultPolicy);
        }
        if (command.decidedBy() == DecisionSource.DEFAULT_POLICY) {
            double expected = defaultPolicy.probabilityOf(command.action(), actions.size());
            if (expected == 0 || Math.abs(expected - command.propensity()) > 1e-9) {
                throw new BanditRefusedException(
                        BanditError.NOT_THE_DEFAULT_POLICY,
                        "the default policy " + defaultPolicy + " gives '" + command.action() + "' probability "
                                + expected + ", the decision claims " + command.propensity());
            }
        }
        chained(recorded(command));
    }

    @CommandHandler
    public RewardObservation handle(ObserveBanditReward command) {
        if (rewardedDecisions.contains(command.decisionId())) {
            return new RewardObservation(true, modelVersion, guardTripped);
        }
        BanditDecisionRecorded decision = openDecisions.get(command.decisionId());
        if (decision == null) {
            throw new BanditRefusedException(
                    BanditError.UNKNOWN_DECISION, "no decision " + command.decisionId() + " was recorded");
        }
        chained(new BanditRewardObserved(
                policyId,
                decision.decisionId(),
                decision.context(),
                decision.action(),
                command.reward(),
                decision.propensity(),
                decision.modelVersion(),
                modelVersion + 1));
        checkDriftGuard();
        return new RewardObservation(false, modelVersion, guardTripped);
    }

    @CommandHandler
    public WarmStartResult handle(WarmStartBandit command) {
        if (imports.contains(command.importId())) {
            return new WarmStartResult(true, 0, modelVersion, guardTripped);
        }
        List<LoggedInteraction> interactions = command.interactions();
        for (int i = 0; i < interactions.size(); i++) {
            requireContext(interactions.get(i).context(), "interactions[" + i + "].context");
            requireAction(interactions.get(i).action(), "interactions[" + i + "].action");
        }
        String origin = command.origin() == null ? policyId.value() : command.origin();
        chained(new BanditWarmStarted(
                policyId, command.importId(), origin, interactions, modelVersion + interactions.size()));
        checkDriftGuard();
        return new WarmStartResult(false, interactions.size(), modelVersion, guardTripped);
    }

    @CommandHandler
    public PosteriorMergeCounts handle(MergeBanditPosterior command) {
        PosteriorMerge.Plan plan = PosteriorMerge.plan(posterior, policyId.value(), command.statistics());
        if (plan.changes() || !plan.rejected().isEmpty()) {
            chained(new BanditPosteriorMerged(
                    policyId,
                    command.peer(),
                    command.round(),
                    plan.adopted(),
                    plan.unchanged(),
                    plan.rejected(),
                    plan.changes() ? modelVersion + 1 : modelVersion));
            checkDriftGuard();
        }
        return new PosteriorMergeCounts(
                plan.adopted().size(), plan.unchanged(), plan.rejected().size(), modelVersion, guardTripped);
    }

    /** The policy's definition and posterior as per-origin statistics: what a projection serves to runtimes and peers. */
    BanditPosteriorExport export() {
        return new BanditPosteriorExport(
                policyId,
                actions,
                dimension,
                posterior.ridge(),
                algorithm,
                explorationScale,
                modelVersion,
                guardTripped,
                posterior.statistics());
    }

    /** A copy of the live posterior. */
    BanditPosterior posterior() {
        return posterior.copy();
    }

    /** Trips or clears the drift guard when the posterior covariance trace crossed its bound. */
    private void checkDriftGuard() {
        if (driftGuard == null) {
            return;
        }
        double trace = CovarianceTrace.of(posterior, driftGuard.priorNoiseVariance());
        if (!guardTripped && CovarianceTrace.trips(trace, driftGuard)) {
            chained(new DriftGuardTripped(
                    policyId, trace, driftGuard.maxCovarianceTrace(), modelVersion, defaultPolicy));
        } else if (guardTripped && CovarianceTrace.clears(trace, driftGuard)) {
            chained(new DriftGuardCleared(policyId, trace, driftGuard.maxCovarianceTrace(), modelVersion));
        }
    }

    private BanditDecisionRecorded recorded(RecordBanditDecision command) {
        return new BanditDecisionRecorded(
                policyId,
                command.decisionId(),
                command.context(),
                command.action(),
                command.propensity(),
                command.modelVersion(),
                command.decidedBy());
    }

    private void requireContext(List<Double> context, String field) {
        if (context.size() != dimension) {
            throw new BanditRefusedException(
                    BanditError.DIMENSION_MISMATCH,
                    field + " has " + context.size() + " features, the policy expects " + dimension);
        }
    }

    private void requireAction(String action, String field) {
        if (!actions.contains(action)) {
            throw new BanditRefusedException(
                    BanditError.UNKNOWN_ACTION, field + " '" + action + "' is not one of " + actions);
        }
    }

    /** Applies {@code event} linked to its predecessor: {@code chain.prev} and {@code chain.hash} in its metadata. */
    private void chained(Object event) {
        chained(event, lastHash == null ? HashChain.GENESIS : lastHash);
    }

    /** Applies {@code event} linked to {@code previous}; returns its hash. */
    private static String chained(Object event, String previous) {
        String hash = HashChain.next(previous, event);
        apply(event, MetaData.with(HashChain.PREVIOUS, previous).and(HashChain.HASH, hash));
        return hash;
    }

    /** The chain hash stored with the event, or recomputed for an event given without it (test fixtures). */
    private void link(Object event, String hash) {
        lastHash = hash != null ? hash : HashChain.next(lastHash, event);
    }

    @EventSourcingHandler
    void on(BanditPolicyCreated event, @MetaDataValue(HashChain.HASH) String hash) {
        policyId = event.policyId();
        actions = event.actions();
        dimension = event.dimension();
        algorithm = event.algorithm();
        explorationScale = event.explorationScale();
        defaultPolicy = event.defaultPolicy();
        driftGuard = event.driftGuard();
        posterior = new BanditPosterior(event.actions(), event.dimension(), event.ridge());
        modelVersion = 0;
        guardTripped = false;
        openDecisions = new HashMap<>();
        rewardedDecisions = new HashSet<>();
        imports = new HashSet<>();
        link(event, hash);
    }

    @EventSourcingHandler
    void on(BanditDecisionRecorded event, @MetaDataValue(HashChain.HASH) String hash) {
        openDecisions.put(event.decisionId(), event);
        link(event, hash);
    }

    @EventSourcingHandler
    void on(BanditRewardObserved event, @MetaDataValue(HashChain.HASH) String hash) {
        openDecisions.remove(event.decisionId());
        rewardedDecisions.add(event.decisionId());
        posterior.observe(
                policyId.value(),
                posterior.indexOf(event.action()),
                BanditPosterior.vector(event.context()),
                event.reward());
        modelVersion = event.modelVersion();
        link(event, hash);
    }

    @EventSourcingHandler
    void on(BanditWarmStarted event, @MetaDataValue(HashChain.HASH) String hash) {
        for (LoggedInteraction interaction : event.interactions()) {
            posterior.observe(
                    event.origin(),
                    posterior.indexOf(interaction.action()),
                    BanditPosterior.vector(interaction.context()),
                    interaction.reward());
        }
        imports.add(event.importId());
        modelVersion = event.modelVersion();
        link(event, hash);
    }

    @EventSourcingHandler
    void on(BanditPosteriorMerged event, @MetaDataValue(HashChain.HASH) String hash) {
        posterior.adopt(event.adopted());
        modelVersion = event.modelVersion();
        link(event, hash);
    }

    @EventSourcingHandler
    void on(DriftGuardTripped event, @MetaDataValue(HashChain.HASH) String hash) {
        guardTripped = true;
        link(event, hash);
    }

    @EventSourcingHandler
    void on(DriftGuardCleared event, @MetaDataValue(HashChain.HASH) String hash) {
        guardTripped = false;
        link(event, hash);
    }
}
