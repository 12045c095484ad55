package io.qswarm.projections.edge;

import io.qswarm.projections.edge.api.EdgeHistoryView;
import io.qswarm.projections.edge.api.EdgeScorePage;
import io.qswarm.projections.edge.api.EdgeScoreRow;
import io.qswarm.projections.edge.api.FetchEdgeHistory;
import io.qswarm.projections.edge.api.FetchEdgeScores;
import io.qswarm.projections.edge.api.FetchPatternFactors;
import io.qswarm.projections.edge.api.FetchRegimeWeights;
import io.qswarm.projections.edge.api.PatternFactors;
import io.qswarm.projections.edge.api.RegimeWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers the edge-score queries from the edge-score read model. Unknown tables answer {@code null}. */
@Component
public class EdgeScoreQueries {

    private final JdbcTemplate jdbc;
    private final EdgeStore store;
    private final EdgeScoreSettings settings;

    @Autowired
    public EdgeScoreQueries(JdbcTemplate jdbc, ObjectProvider<EdgeScoreSettings> settings) {
        this(jdbc, settings.getIfAvailable(EdgeScoreSettings::defaults));
    }

    public EdgeScoreQueries(JdbcTemplate jdbc, EdgeScoreSettings settings) {
        this.jdbc = jdbc;
        this.store = new EdgeStore(jdbc);
        this.settings = settings;
    }

    @QueryHandler
    public EdgeScorePage handle(FetchEdgeScores query) {
        String table = query.tableId().value();
        if (!store.exists(table)) {
            return null;
        }
        var filter = new StringBuilder(" WHERE table_id = ?");
        var args = new ArrayList<Object>(List.of(table));
        if (query.regime() != null) {
            filter.append(" AND regime = ?");
            args.add(query.regime());
        }
        if (query.category() != null) {
            filter.append(" AND category = ?");
            args.add(query.category());
        }
        // the total comes from the per-group row counts, never from counting the scores
        Long total = jdbc.queryForObject(
                "SELECT COALESCE(SUM(pattern_rows), 0) FROM edge_regime_stats" + filter, Long.class, args.toArray());
        // SCORE_DESC reads the (table_id, score DESC, pattern, category, regime) index in order; the others sort
        String order =
                switch (query.order()) {
                    case SCORE_DESC -> "table_id, score DESC";
                    case SCORE_ASC -> "score ASC";
                    case ABS_SCORE_DESC -> "ABS(score) DESC";
                    case SAMPLES_DESC -> "samples DESC";
                    case RECENT -> "last_update_at DESC";
                };
        args.add(query.size());
        args.add((long) query.page() * query.size());
        List<EdgeScoreRow> rows = jdbc.query(
                "SELECT " + EdgeStore.ROW_COLUMNS + " FROM edge_score" + filter + " ORDER BY " + order
                        + ", pattern, category, regime LIMIT ? OFFSET ?",
                (rs, i) -> EdgeStore.row(rs).toRow(),
                args.toArray());
        return new EdgeScorePage(query.tableId(), rows, query.page(), query.size(), total == null ? 0 : total);
    }

    @QueryHandler
    public EdgeHistoryView handle(FetchEdgeHistory query) {
        return store.row(query.tableId().value(), new EdgeKey(query.pattern(), query.category(), query.regime()))
                .map(row -> new EdgeHistoryView(row.toRow(), row.history().view()))
                .orElse(null);
    }

    @QueryHandler
    public RegimeWeights handle(FetchRegimeWeights query) {
        String table = query.tableId().value();
        if (!store.exists(table)) {
            return null;
        }
        WeightLearning learning = settings.weightLearning();
        Map<RegimeKey, RegimeStatistics> all = store.allStatistics(table);
        var regimes = new ArrayList<RegimeWeights.Regime>(all.size());
        all.forEach((key, statistics) ->
                regimes.add(new RegimeWeights.Regime(key.regime(), key.category(), learning.weights(statistics))));
        return new RegimeWeights(query.tableId(), settings.defaultWeights(), settings.minRegimeSamples(), regimes);
    }

    /** Orthogonalization runs here, on demand, over at most {@code maxPatternsPerGroup} patterns per group. */
    @QueryHandler
    public PatternFactors handle(FetchPatternFactors query) {
        String table = query.tableId().value();
        if (!store.exists(table)) {
            return null;
        }
        var filter = new StringBuilder(" WHERE table_id = ?");
        var args = new ArrayList<Object>(List.of(table));
        if (query.category() != null) {
            filter.append(" AND category = ?");
            args.add(query.category());
        }
        if (query.regime() != null) {
            filter.append(" AND regime = ?");
            args.add(query.regime());
        }
        var groups = new TreeMap<RegimeKey, Long>(
                java.util.Comparator.comparing(RegimeKey::category).thenComparing(RegimeKey::regime));
        jdbc.query(
                "SELECT category, regime, pattern_rows FROM edge_regime_stats" + filter + " AND pattern_rows > 0",
                rs -> {
                    groups.put(
                            new RegimeKey(rs.getString("regime"), rs.getString("category")),
                            rs.getLong("pattern_rows"));
                },
                args.toArray());
        FactorClustering clustering = settings.clustering();
        var out = new ArrayList<PatternFactors.Group>(groups.size());
        groups.forEach((group, count) -> {
            List<PatternSeries> series =
                    store.series(table, group.category(), group.regime(), settings.maxPatternsPerGroup());
            out.add(new PatternFactors.Group(
                    group.category(), group.regime(), count, count > series.size(), clustering.factors(series)));
        });
        return new PatternFactors(query.tableId(), settings.clusterThreshold(), settings.minOverlap(), out);
    }
}
