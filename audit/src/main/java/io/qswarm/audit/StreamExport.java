package io.qswarm.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.qswarm.environments.Action;
import io.qswarm.environments.Step;
import io.qswarm.environments.market.MarketConfig;
import io.qswarm.environments.market.MarketEnvironment;
import io.qswarm.environments.market.Regime;
import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.integrity.HashChain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Exports a table's greedy policy on the market environment as the lookup-table pipeline's stream files (seed 001):
 * one value per line per step, plus {@code manifest.json} with each file's SHA-256, the table version, its Merkle
 * root and chain head, and the configuration. {@link #verify} re-derives everything from the store and the manifest.
 *
 * <table>
 *   <caption>Streams (one line per environment step; episodes follow each other)</caption>
 *   <tr><td>{@code q_buy.in} / {@code q_sell.in}</td><td>1 when the greedy action is buy / sell, else 0</td></tr>
 *   <tr><td>{@code risk_budget_ok.in}</td><td>1 when the action fits the one-unit position limit</td></tr>
 *   <tr><td>{@code q_regime.in}</td><td>the regime the step was taken in, as a 5-bit value (bull 0, bear 1, chop 2,
 *       panic 3)</td></tr>
 *   <tr><td>{@code price_up.in} / {@code price_down.in}</td><td>the step's price rose / fell</td></tr>
 *   <tr><td>{@code q_emote_positive.in}</td><td>the step's reward was positive</td></tr>
 *   <tr><td>{@code q_emote_alert.in}</td><td>the market is in panic after the step</td></tr>
 *   <tr><td>{@code q_emote_persistence.in}</td><td>the alert holds for a second step in a row</td></tr>
 * </table>
 */
public final class StreamExport {

    public static final String MANIFEST = "manifest.json";
    public static final String SCHEMA = "qswarm-market-streams/1";
    public static final List<String> STREAMS = List.of(
            "q_buy.in",
            "q_sell.in",
            "risk_budget_ok.in",
            "q_regime.in",
            "price_up.in",
            "price_down.in",
            "q_emote_positive.in",
            "q_emote_alert.in",
            "q_emote_persistence.in");

    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private StreamExport() {}

    /** The streams' contents for {@code table} run greedily for {@code steps} steps from {@code seed}. */
    public static Map<String, String> streams(TableState table, MarketConfig config, int steps, long seed) {
        var env = new MarketEnvironment(config);
        var actions = new ActionSpace(table.actions());
        Map<String, Integer> envIndex = new HashMap<>();
        List<Action> envActions = env.actions();
        for (int i = 0; i < envActions.size(); i++) {
            envIndex.put(envActions.get(i).name(), i);
        }
        for (var action : table.actions()) {
            if (!envIndex.containsKey(action.name())) {
                throw new IllegalArgumentException("table " + table.tableId() + " has action '" + action.name()
                        + "', which the market environment does not know (hold, buy, sell)");
            }
        }
        Map<String, Map<String, Double>> values = new HashMap<>();
        for (EntryLeaf entry : table.entries()) {
            values.computeIfAbsent(entry.state(), s -> new HashMap<>()).put(entry.action(), entry.q());
        }
        var out = new LinkedHashMap<String, StringBuilder>();
        STREAMS.forEach(name -> out.put(name, new StringBuilder()));
        var rng = new SplittableRandom(seed);
        int state = env.reset(rng);
        boolean alertBefore = false;
        for (int t = 0; t < steps; t++) {
            Map<String, Double> row = values.getOrDefault(env.stateKey(state), Map.of());
            int action = envIndex.get(actions.greedy(a -> row.getOrDefault(a, 0.0)));
            int positionBefore = env.position();
            Regime regime = env.regime();
            double priceBefore = env.price();
            Step step = env.step(action, rng);
            boolean budgetOk = action == MarketEnvironment.HOLD
                    || (action == MarketEnvironment.BUY && positionBefore == 0)
                    || (action == MarketEnvironment.SELL && positionBefore == 1);
            boolean alert = env.regime() == Regime.PANIC;
            line(out, "q_buy.in", action == MarketEnvironment.BUY);
            line(out, "q_sell.in", action == MarketEnvironment.SELL);
            line(out, "risk_budget_ok.in", budgetOk);
            out.get("q_regime.in").append(regime.ordinal()).append('\n');
            line(out, "price_up.in", env.price() > priceBefore);
            line(out, "price_down.in", env.price() < priceBefore);
            line(out, "q_emote_positive.in", step.reward() > 0);
            line(out, "q_emote_alert.in", alert);
            line(out, "q_emote_persistence.in", alert && alertBefore);
            alertBefore = alert;
            state = step.done() ? env.reset(rng) : step.nextState();
        }
        var streams = new LinkedHashMap<String, String>();
        out.forEach((name, text) -> streams.put(name, text.toString()));
        return streams;
    }

    /** Writes the streams and the manifest into {@code dir}; returns the manifest. */
    public static Map<String, Object> write(TableState table, String marketConfigJson, int steps, long seed, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        Map<String, String> streams = streams(table, config(marketConfigJson), steps, seed);
        var files = new LinkedHashMap<String, Object>();
        for (var stream : streams.entrySet()) {
            byte[] bytes = stream.getValue().getBytes(StandardCharsets.US_ASCII);
            Files.write(dir.resolve(stream.getKey()), bytes);
            files.put(stream.getKey(), Map.of("sha256", sha256(bytes), "lines", steps));
        }
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("schema", SCHEMA);
        manifest.put("tableId", table.tableId());
        manifest.put("version", table.version());
        manifest.put("merkleRoot", table.merkleRoot());
        manifest.put("tableSha256", table.sha256());
        manifest.put("chainHead", table.chainHead());
        var configuration = new LinkedHashMap<String, Object>();
        configuration.put("environment", MarketEnvironment.NAME);
        configuration.put("policy", "greedy (ties: lowest base cost, then declaration order)");
        configuration.put("steps", steps);
        configuration.put("seed", seed);
        configuration.put("rng", "java.util.SplittableRandom");
        configuration.put("market", marketConfigJson);
        manifest.put("config", configuration);
        manifest.put("files", files);
        JSON.writeValue(dir.resolve(MANIFEST).toFile(), manifest);
        return manifest;
    }

    /**
     * Re-derives an export from the store: the table at the manifest's version (its history verified), its Merkle
     * root, and every stream regenerated and compared, by SHA-256, with the manifest and the files in {@code dir}.
     */
    public static Result verify(Path dir, StoreAudits audits) throws IOException {
        JsonNode manifest = JSON.readTree(dir.resolve(MANIFEST).toFile());
        var problems = new ArrayList<String>();
        String tableId = manifest.path("tableId").asText();
        long version = manifest.path("version").asLong();
        TableState table = audits.asOf(tableId, ReplayLimit.atVersion(version))
                .filter(t -> t.version() == version)
                .orElse(null);
        if (table == null) {
            return new Result(false, List.of("table " + tableId + " has no version " + version + " in the store"));
        }
        if (!table.merkleRoot().equals(manifest.path("merkleRoot").asText())) {
            problems.add("merkleRoot: the store gives " + table.merkleRoot() + ", the manifest says "
                    + manifest.path("merkleRoot").asText());
        }
        JsonNode config = manifest.path("config");
        String market =
                config.path("market").isNull() ? null : config.path("market").asText(null);
        Map<String, String> streams = streams(
                table,
                config(market),
                config.path("steps").asInt(),
                config.path("seed").asLong());
        for (var stream : streams.entrySet()) {
            String expected = sha256(stream.getValue().getBytes(StandardCharsets.US_ASCII));
            String listed =
                    manifest.path("files").path(stream.getKey()).path("sha256").asText(null);
            Path file = dir.resolve(stream.getKey());
            String actual = Files.exists(file) ? sha256(Files.readAllBytes(file)) : null;
            if (!expected.equals(listed)) {
                problems.add(stream.getKey() + ": re-derived " + expected + ", manifest lists " + listed);
            }
            if (!expected.equals(actual)) {
                problems.add(stream.getKey() + ": re-derived " + expected + ", file has "
                        + (actual == null ? "nothing (missing)" : actual));
            }
        }
        return new Result(problems.isEmpty(), problems);
    }

    private static MarketConfig config(String json) {
        return json == null ? MarketConfig.defaults() : MarketConfig.fromJson(json);
    }

    private static void line(Map<String, StringBuilder> out, String stream, boolean bit) {
        out.get(stream).append(bit ? '1' : '0').append('\n');
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(HashChain.sha256().digest(bytes));
    }

    /** The export check: clean, or what differs. */
    public record Result(boolean clean, List<String> problems) {
        public String summary() {
            return clean ? "export matches the store" : "EXPORT DIFFERS:\n  " + String.join("\n  ", problems);
        }
    }
}
