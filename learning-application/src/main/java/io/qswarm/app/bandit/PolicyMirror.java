package io.qswarm.app.bandit;

import io.qswarm.intelligence.bandit.BanditPosterior;
import io.qswarm.intelligence.bandit.CovarianceTrace;
import io.qswarm.intelligence.bandit.api.BanditDecisionRecorded;
import io.qswarm.intelligence.bandit.api.BanditPolicyCreated;
import io.qswarm.intelligence.bandit.api.BanditPosteriorExport;
import io.qswarm.intelligence.bandit.api.BanditPosteriorMerged;
import io.qswarm.intelligence.bandit.api.BanditRewardObserved;
import io.qswarm.intelligence.bandit.api.BanditWarmStarted;
import io.qswarm.intelligence.bandit.api.DriftGuardCleared;
import io.qswarm.intelligence.bandit.api.DriftGuardTripped;
import io.qswarm.intelligence.bandit.api.LoggedInteraction;
import java.util.Collections;
import java.util.LinkedHashMap;

/**
 * A bandit policy as the runtime decides with it: its definition, the posterior, model version and guard state,
 * folded from the policy's stored events exactly as the aggregate's event-sourcing handlers fold them (the same
 * {@link BanditPosterior} operations on the same recorded facts, so the posterior is the aggregate's bit for bit),
 * plus counts for the policy's summary. Kept in memory and advanced by the events stored after {@link #nextSequence},
 * so a decision never replays the whole stream. Not thread-safe: {@link BanditRuntime} locks it.
 */
final class PolicyMirror {

    private BanditPolicyCreated definition;
    private BanditPosterior posterior;
    private long modelVersion;
    private boolean guardTripped;
    private long nextSequence;
    private long decisions;
    private long rewards;
    private long warmStarts;
    private long warmStartInteractions;
    private long merges;

    /** Folds {@code event}, stored at {@code sequence}: the next of the stream. */
    void accept(Object event, long sequence) {
        nextSequence = sequence + 1;
        if (event instanceof BanditPolicyCreated created) {
            definition = created;
            posterior = new BanditPosterior(created.actions(), created.dimension(), created.ridge());
        } else if (definition == null) {
            return; // not a bandit policy's stream: exists() stays false
        } else if (event instanceof BanditDecisionRecorded) {
            decisions++;
        } else if (event instanceof BanditRewardObserved observed) {
            rewards++;
            posterior.observe(
                    definition.policyId().value(),
                    posterior.indexOf(observed.action()),
                    BanditPosterior.vector(observed.context()),
                    observed.reward());
            modelVersion = observed.modelVersion();
        } else if (event instanceof BanditWarmStarted warmStarted) {
            warmStarts++;
            for (LoggedInteraction interaction : warmStarted.interactions()) {
                posterior.observe(
                        warmStarted.origin(),
                        posterior.indexOf(interaction.action()),
                        BanditPosterior.vector(interaction.context()),
                        interaction.reward());
            }
            warmStartInteractions += warmStarted.interactions().size();
            modelVersion = warmStarted.modelVersion();
        } else if (event instanceof BanditPosteriorMerged merged) {
            merges++;
            posterior.adopt(merged.adopted());
            modelVersion = merged.modelVersion();
        } else if (event instanceof DriftGuardTripped) {
            guardTripped = true;
        } else if (event instanceof DriftGuardCleared) {
            guardTripped = false;
        }
    }

    boolean exists() {
        return definition != null;
    }

    BanditPolicyCreated definition() {
        return definition;
    }

    /** The live posterior: read it under the mirror's lock, or {@link BanditPosterior#copy} it. */
    BanditPosterior posterior() {
        return posterior;
    }

    long modelVersion() {
        return modelVersion;
    }

    boolean guardTripped() {
        return guardTripped;
    }

    long nextSequence() {
        return nextSequence;
    }

    /** Decisions recorded so far: the next decision is number {@code decisions() + 1}. */
    long decisions() {
        return decisions;
    }

    BanditPosteriorExport export() {
        return new BanditPosteriorExport(
                definition.policyId(),
                definition.actions(),
                definition.dimension(),
                definition.ridge(),
                definition.algorithm(),
                definition.explorationScale(),
                modelVersion,
                guardTripped,
                posterior.statistics());
    }

    BanditPolicyView view() {
        var perAction = new LinkedHashMap<String, Long>();
        for (int k = 0; k < posterior.actionCount(); k++) {
            perAction.put(posterior.actions().get(k), posterior.count(k));
        }
        var guard = definition.driftGuard();
        var drift = new BanditPolicyView.Drift(
                guard != null,
                guardTripped,
                guard == null ? null : CovarianceTrace.of(posterior, guard.priorNoiseVariance()),
                guard == null ? null : guard.maxCovarianceTrace(),
                guard == null ? null : guard.priorNoiseVariance());
        var counts = new BanditPolicyView.Counts(
                decisions,
                decisions - rewards,
                rewards,
                warmStarts,
                warmStartInteractions,
                merges,
                Collections.unmodifiableMap(perAction));
        return new BanditPolicyView(
                definition.policyId().value(),
                BanditAlgorithms.name(definition.algorithm()),
                definition.dimension(),
                definition.actions(),
                definition.ridge(),
                definition.explorationScale(),
                definition.defaultPolicy(),
                modelVersion,
                counts,
                drift);
    }
}
