package io.qswarm.app.cli;

import io.qswarm.app.proof.FederationProofs;
import io.qswarm.app.proof.ProofContext;
import io.qswarm.app.proof.ProofReport;
import io.qswarm.app.proof.RobustnessProof;
import io.qswarm.app.proof.SpeedupProof;
import io.qswarm.intelligence.api.MergeStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Reproduces the federation proofs of issue 5 (docs/federation.md, "Proof") on a store of their own: the speedup of K
 * federating Taxi agents and the robustness of the aggregation rules against poisoned peers.
 */
@Command(
        name = "federation-proof",
        mixinStandardHelpOptions = true,
        description = "Measure federation: the speedup of K agents on Taxi, and robustness against poisoned peers.")
public class FederationProofCommand implements Callable<Integer> {

    @Option(names = "--speedup", description = "K in {1, 2, 4, 8} federating agents: steps per agent to return 7.5")
    boolean speedup;

    @Option(names = "--robustness", description = "7 honest agents and 3 poisoned peers, for each aggregation rule")
    boolean robustness;

    @Option(names = "--seeds", defaultValue = "3", description = "seeds per measurement (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(
            names = "--first-seed",
            description = "robustness proof: the first seed (default: 1); the report is robustness-seed<N>.* when it"
                    + " is not 1")
    Long firstSeed;

    @Option(names = "--agents", split = ",", description = "swarm sizes of the speedup proof (default: 1,2,4,8)")
    List<Integer> agents;

    @Option(
            names = "--sync-every",
            defaultValue = "5",
            description = "episodes per agent between rounds (default: ${DEFAULT-VALUE})")
    int syncEvery;

    @Option(
            names = "--table-merge",
            defaultValue = "mean",
            description = "speedup proof: how each table merges a round's aggregate, mean (visit-weighted) or"
                    + " learning-rate (ADR 0014); the report is speedup.* or speedup-learning-rate.*")
    String tableMerge;

    @Option(names = "--out", required = true, description = "directory for the reports (and the store, by default)")
    Path out;

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Override
    public Integer call() throws Exception {
        if (!speedup && !robustness) {
            throw new IllegalArgumentException("say --speedup, --robustness or both");
        }
        Files.createDirectories(out);
        String tag = Long.toString(System.currentTimeMillis(), 36);
        try (ConfigurableApplicationContext context = ProofContext.open(storeOptions.url(out.resolve("store")))) {
            FederationProofs proofs = FederationProofs.in(context, line -> System.err.println(line));
            if (speedup) {
                SpeedupProof.Settings full = SpeedupProof.Settings.fullScale(seeds, tag);
                var settings = new SpeedupProof.Settings(
                        agents == null ? full.agents() : agents,
                        seeds,
                        full.firstSeed(),
                        syncEvery,
                        full.maxEpisodes(),
                        full.threshold(),
                        full.learning(),
                        full.reference(),
                        full.threads(),
                        tag,
                        MergeStrategy.valueOf(FederateSpecs.tableMerge(tableMerge)));
                String name =
                        settings.tableMerge() == MergeStrategy.LEARNING_RATE ? "speedup-learning-rate" : "speedup";
                SpeedupProof.Result result = proofs.speedup(settings);
                String markdown = ProofReport.markdown(result);
                ProofReport.write(out, name, result, markdown);
                Files.writeString(out.resolve(name + ".svg"), ProofReport.svg(result));
                System.out.println(markdown);
            }
            if (robustness) {
                RobustnessProof.Settings full = RobustnessProof.Settings.fullScale(seeds, tag);
                var settings = new RobustnessProof.Settings(
                        full.honest(),
                        full.poisoned(),
                        full.attacks(),
                        full.control(),
                        full.rules(),
                        seeds,
                        firstSeed == null ? full.firstSeed() : firstSeed,
                        full.pretrainEpisodes(),
                        full.rounds(),
                        syncEvery,
                        full.threshold(),
                        full.learning(),
                        full.threads(),
                        tag);
                RobustnessProof.Result result = proofs.robustness(settings);
                String markdown = ProofReport.markdown(result);
                String name = settings.firstSeed() == 1 ? "robustness" : "robustness-seed" + settings.firstSeed();
                ProofReport.write(out, name, result, markdown);
                System.out.println(markdown);
            }
        }
        System.out.println("reports in " + out);
        return 0;
    }
}
