package io.qswarm.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qswarm.app.runtime.StoredPolicy;
import io.qswarm.environments.market.MarketBacktest;
import io.qswarm.environments.market.MarketConfig;
import io.qswarm.environments.market.MarketEnvironment;
import io.qswarm.intelligence.api.QTableExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntUnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Replays a market policy on recorded prices and reports trading figures. See {@link MarketBacktest}. */
@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        description = "Replay a market policy on CSV market data (time,price,volume[,label]).")
public class BacktestCommand implements Callable<Integer> {

    @Option(
            names = "--policy",
            required = true,
            description = "policy-<table>.json written by `train`, or a table export written by `export`")
    Path policyFile;

    @Option(
            names = "--csv",
            required = true,
            description = "market data: header with price, optional time,volume,label")
    Path csv;

    @Option(names = "--market-config", description = "market configuration (JSON) the policy was trained with")
    Path marketConfig;

    @Option(names = "--json", description = "also write the figures to this file")
    Path json;

    @Override
    public Integer call() throws IOException {
        for (Path file : new Path[] {policyFile, csv}) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read " + file);
            }
        }
        MarketConfig config = marketConfig == null ? MarketConfig.defaults() : MarketConfig.load(marketConfig);
        IntUnaryOperator policy = policy(config);
        MarketBacktest.Result result = MarketBacktest.run(MarketBacktest.readCsv(csv), config, policy);
        System.out.printf(
                Locale.ROOT,
                "steps %d  mean reward %.3f bps  sharpe-like %.4f  total %.1f bps  max drawdown %.1f bps"
                        + "  trades %d  win rate %s%n  actions %s%n",
                result.steps(),
                result.meanReward(),
                result.sharpeLike(),
                result.totalReward(),
                result.maxDrawdown(),
                result.trades(),
                Double.isNaN(result.winRate()) ? "-" : String.format(Locale.ROOT, "%.3f", result.winRate()),
                result.actionCounts());
        if (!result.precision().isEmpty()) {
            System.out.printf("  precision %s%n  recall    %s%n", result.precision(), result.recall());
        }
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
        }
        return 0;
    }

    private IntUnaryOperator policy(MarketConfig config) throws IOException {
        var mapper = ExportCommand.mapper();
        JsonNode document = mapper.readTree(policyFile.toFile());
        var market = new MarketEnvironment(config);
        if (document != null && document.has("table")) {
            var stored = new StoredPolicy(mapper.treeToValue(document.get("table"), QTableExport.class));
            stored.checkCompatible(market);
            return state -> stored.action(market.stateKey(state));
        }
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException(policyFile + " is neither a policy map nor a table export");
        }
        Map<Integer, Integer> byState = new HashMap<>();
        document.fields().forEachRemaining(field -> {
            try {
                byState.put(Integer.parseInt(field.getKey()), field.getValue().asInt());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        policyFile + ": state '" + field.getKey() + "' is not a state index of the market");
            }
        });
        return state -> byState.getOrDefault(state, MarketEnvironment.HOLD);
    }
}
