package io.qswarm.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./qswarm bandit}: contextual-bandit policies of a running server, through its REST API ({@code --server},
 * default {@code $QSWARM_SERVER} or http://127.0.0.1:8080). Decisions are made, and their randomness drawn, in the
 * server's runtime; this command never opens the store.
 */
@Command(
        name = "bandit",
        mixinStandardHelpOptions = true,
        description = "Create bandit policies, decide, reward, warm start from logs and evaluate on a running server.",
        subcommands = {
            BanditCommand.Create.class,
            BanditCommand.Decide.class,
            BanditCommand.Observe.class,
            BanditCommand.WarmStart.class,
            BanditCommand.Evaluate.class,
            BanditCommand.Show.class,
            BanditCommand.Posterior.class,
            BanditCommand.Merge.class
        })
public class BanditCommand extends ServerCommandGroup {

    /** Base of the subcommands: the policy, the client and the output. */
    abstract static class Subcommand extends CommandOutput {

        @ParentCommand
        BanditCommand parent;

        @Option(names = "--policy", required = true, description = "the bandit policy's id")
        String policy;

        FederateClient client() {
            return parent.client();
        }

        String path(String rest) {
            return "/api/v1/bandits/" + FederateClient.segment(policy) + rest;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a bandit policy.")
    static class Create extends Subcommand {

        @Option(names = "--algorithm", required = true, description = "linucb or lints")
        String algorithm;

        @Option(names = "--dimension", required = true, description = "number of context features")
        int dimension;

        @Option(names = "--actions", required = true, split = ",", description = "the actions, comma-separated")
        List<String> actions = new ArrayList<>();

        @Option(names = "--ridge", description = "prior precision λ (server default 1)")
        Double ridge;

        @Option(names = "--scale", description = "LinUCB's α or LinTS's v (server default 0.1)")
        Double scale;

        @Option(names = "--default-action", description = "the default policy's action (default: uniform)")
        String defaultAction;

        @Option(names = "--max-trace", description = "drift guard: bound on the posterior covariance trace")
        Double maxTrace;

        @Option(
                names = "--noise-variance",
                defaultValue = "1.0",
                description = "drift guard: prior reward noise variance σ₀² (default ${DEFAULT-VALUE})")
        double noiseVariance;

        @Override
        public Integer call() {
            var body = new LinkedHashMap<String, Object>();
            body.put("policyId", policy);
            body.put("algorithm", algorithm);
            body.put("dimension", dimension);
            body.put("actions", actions);
            putIfSet(body, "ridge", ridge);
            putIfSet(body, "explorationScale", scale);
            putIfSet(body, "defaultAction", defaultAction);
            if (maxTrace != null) {
                var guard = new LinkedHashMap<String, Object>();
                guard.put("maxCovarianceTrace", maxTrace);
                guard.put("priorNoiseVariance", noiseVariance);
                body.put("driftGuard", guard);
            }
            JsonNode created = client().post("/api/v1/bandits", body);
            print("created " + algorithm.toLowerCase(Locale.ROOT) + " policy " + policy + " over " + actions.size()
                    + " actions, " + dimension + " features"
                    + (created.at("/drift/tripped").asBoolean()
                            ? " (drift guard tripped: default policy decides)"
                            : ""));
            return 0;
        }

        private static void putIfSet(LinkedHashMap<String, Object> body, String key, Object value) {
            if (value != null) {
                body.put(key, value);
            }
        }
    }

    @Command(name = "decide", mixinStandardHelpOptions = true, description = "Decide in a context.")
    static class Decide extends Subcommand {

        @Option(names = "--context", required = true, description = "the features, comma-separated: 0.5,-1,2")
        String context;

        @Override
        public Integer call() {
            JsonNode decision = client().post(path("/decisions"), Map.of("context", numbers(context)));
            print(decision.path("decisionId").asText() + ": "
                    + decision.path("action").asText()
                    + " (propensity " + decision.path("propensity").asDouble() + ", model version "
                    + decision.path("modelVersion").asLong() + ")"
                    + (decision.path("fallback").asBoolean()
                            ? " by the default policy: the drift guard is tripped"
                            : ""));
            return 0;
        }

        static List<Double> numbers(String csv) {
            var out = new ArrayList<Double>();
            for (String field : csv.split(",")) {
                try {
                    double value = Double.parseDouble(field.strip());
                    if (!Double.isFinite(value)) {
                        throw new NumberFormatException();
                    }
                    out.add(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "--context takes finite numbers separated by commas, found '" + field.strip() + "'");
                }
            }
            return out;
        }
    }

    @Command(name = "observe", mixinStandardHelpOptions = true, description = "Report a decision's reward.")
    static class Observe extends Subcommand {

        @Option(names = "--decision", required = true, description = "the decision id, e.g. d-3")
        String decision;

        @Option(names = "--reward", required = true)
        double reward;

        @Override
        public Integer call() {
            JsonNode answer = client().post(
                            path("/decisions/" + FederateClient.segment(decision) + "/reward"),
                            Map.of("reward", reward));
            print(decision + " rewarded " + reward + ": model version "
                    + answer.path("modelVersion").asLong()
                    + (answer.path("guardTripped").asBoolean() ? " (drift guard tripped)" : ""));
            return 0;
        }
    }

    /** Base of the commands that send a log file: JSON lines or CSV, by its extension. */
    abstract static class LogUpload extends Subcommand {

        @Option(names = "--file", required = true, description = "a .jsonl/.ndjson or .csv log")
        Path file;

        String contentType() {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                return "application/x-ndjson";
            }
            if (name.endsWith(".csv")) {
                return "text/csv";
            }
            throw new IllegalArgumentException(file + ": unknown log format, expected a .jsonl, .ndjson or .csv file");
        }

        byte[] log() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Command(
            name = "warm-start",
            mixinStandardHelpOptions = true,
            description = "Learn logged (context, action, reward, propensity) tuples.")
    static class WarmStart extends LogUpload {

        @Option(names = "--origin", description = "whose experience the log is (default: the policy itself)")
        String origin;

        @Option(names = "--import-id", description = "idempotency key (default: the log's SHA-256)")
        String importId;

        @Override
        public Integer call() {
            String type = contentType();
            var query = new ArrayList<String>();
            if (origin != null) {
                query.add("origin=" + FederateClient.segment(origin));
            }
            if (importId != null) {
                query.add("importId=" + FederateClient.segment(importId));
            }
            JsonNode answer = client().post(
                            path("/warm-start") + (query.isEmpty() ? "" : "?" + String.join("&", query)), log(), type);
            print(
                    answer.path("duplicate").asBoolean()
                            ? "already imported as " + answer.path("importId").asText() + ": nothing changed"
                            : "learned " + answer.path("learned").asInt() + " interactions: model version "
                                    + answer.path("modelVersion").asLong());
            return 0;
        }
    }

    @Command(
            name = "evaluate",
            mixinStandardHelpOptions = true,
            description = "Estimate the current policy's value on a log (IPS, SNIPS, doubly robust).")
    static class Evaluate extends LogUpload {

        @Override
        public Integer call() {
            JsonNode answer = client().post(path("/evaluations"), log(), contentType());
            print(answer.path("evaluated").asText() + " at model version "
                    + answer.path("modelVersion").asLong() + " on "
                    + answer.path("samples").asInt() + " logged interactions:");
            print(estimate("IPS", answer.path("inversePropensity")));
            print(estimate("SNIPS", answer.path("selfNormalized")));
            print(estimate("DR", answer.path("doublyRobust")));
            return 0;
        }

        private static String estimate(String name, JsonNode estimate) {
            return String.format(
                    Locale.ROOT,
                    "  %-5s %s",
                    name,
                    estimate.isMissingNode() || estimate.isNull()
                            ? "n/a (the policy never takes a logged action)"
                            : String.format(
                                    Locale.ROOT,
                                    "%.6f ± %.6f",
                                    estimate.path("value").asDouble(),
                                    estimate.path("standardError").asDouble()));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A policy's configuration and state.")
    static class Show extends Subcommand {

        @Override
        public Integer call() {
            JsonNode shown = client().get(path(""));
            print(shown.path("policyId").asText() + ": "
                    + shown.path("algorithm").asText() + ", "
                    + shown.path("dimension").asInt() + " features, actions " + shown.path("actions")
                    + ", model version " + shown.path("modelVersion").asLong());
            JsonNode counts = shown.path("counts");
            print("  decisions " + counts.path("decisions").asLong() + " (open "
                    + counts.path("openDecisions").asLong()
                    + "), rewards " + counts.path("rewards").asLong() + ", warm-start interactions "
                    + counts.path("warmStartInteractions").asLong() + ", merges "
                    + counts.path("merges").asLong());
            print("  observations per action " + counts.path("observationsPerAction"));
            JsonNode drift = shown.path("drift");
            print(
                    drift.path("guarded").asBoolean()
                            ? "  drift guard " + (drift.path("tripped").asBoolean() ? "TRIPPED" : "ok") + ": trace "
                                    + drift.path("covarianceTrace").asDouble() + " of "
                                    + drift.path("maxCovarianceTrace").asDouble()
                            : "  no drift guard");
            return 0;
        }
    }

    @Command(
            name = "posterior",
            mixinStandardHelpOptions = true,
            description = "Write the policy's posterior export (what a peer merges).")
    static class Posterior extends Subcommand {

        @Option(names = "--out", required = true)
        Path out;

        @Override
        public Integer call() throws IOException {
            JsonNode export = client().get(path("/posterior"));
            Files.writeString(out, export.toPrettyString());
            print("wrote the posterior of " + policy + " at model version "
                    + export.path("modelVersion").asLong() + " to " + out);
            return 0;
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true, description = "Merge a peer's posterior export.")
    static class Merge extends Subcommand {

        @Option(names = "--file", required = true, description = "a posterior export (bandit posterior --out)")
        Path file;

        @Override
        public Integer call() throws IOException {
            JsonNode counts = client().post(path("/merges"), Files.readAllBytes(file), "application/json");
            print("adopted " + counts.path("adopted").asInt() + ", unchanged "
                    + counts.path("unchanged").asInt()
                    + ", rejected " + counts.path("rejected").asInt() + ": model version "
                    + counts.path("modelVersion").asLong());
            return 0;
        }
    }
}
