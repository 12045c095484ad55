package io.qswarm.projections.edge;

import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.QTableCreated;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.projections.edge.api.LearnedWeights;
import io.qswarm.projections.edge.api.MultiplierVector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Edge scores per (table, pattern, action category, regime signature): which patterns carry real edge in which
 * regime (docs/edge-score.md). Each learning batch is applied in bounded work: only the rows, histories and regime
 * statistics the batch touches are read and written, each touched row's half-life is refitted on its capped history,
 * and pattern orthogonalization is left to query time.
 *
 * <p>Idempotent: the per-table row remembers the sequence number of the last event applied, and an event at or below
 * it is skipped, so redelivery changes nothing.
 */
@Component
@ProcessingGroup(EdgeScoreProjection.PROCESSING_GROUP)
public class EdgeScoreProjection {

    public static final String PROCESSING_GROUP = "edge-score";

    private final EdgeStore store;
    private final EdgeScoreSettings settings;
    private final Ewma ewma;
    private final PatternSelector selector;
    private final RegimeSignature regimes;
    private final Recurrence recurrence;
    private final Coherence coherence;
    private final TimeEfficiency timeEfficiency;
    private final HalfLife halfLife;
    private final WeightLearning weights;

    /** Spring: uses the {@link EdgeScoreSettings} bean when one is declared, the defaults otherwise. */
    @Autowired
    public EdgeScoreProjection(JdbcTemplate jdbc, ObjectProvider<EdgeScoreSettings> settings) {
        this(jdbc, settings.getIfAvailable(EdgeScoreSettings::defaults));
    }

    public EdgeScoreProjection(JdbcTemplate jdbc, EdgeScoreSettings settings) {
        this.store = new EdgeStore(jdbc);
        this.settings = settings;
        this.ewma = settings.ewma();
        this.selector = settings.selector();
        this.regimes = settings.regimeSignature();
        this.recurrence = settings.recurrence();
        this.coherence = settings.coherence();
        this.timeEfficiency = settings.timeEfficiency();
        this.halfLife = settings.halfLife();
        this.weights = settings.weightLearning();
    }

    @EventHandler
    void on(QTableCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String table = event.tableId().value();
        if (store.createTable(table, event.gamma(), sequence, at)) {
            var categories = new LinkedHashMap<String, String>();
            for (ActionSpec action : event.actions()) {
                categories.put(action.name(), action.categoryOrName());
            }
            store.saveCategories(table, categories);
        }
    }

    @EventHandler
    void on(QTableUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String table = event.tableId().value();
        var state = store.table(table);
        if (state.isEmpty() || state.get().lastSequence() >= sequence) {
            return;
        }
        if (!store.claim(table, sequence, event.endsEpisode() ? 1 : 0, at)) {
            return;
        }
        double t = settings.clock().time(at, state.get().episodeClock(), settings.timeUnit());
        var observations = observations(
                event.updates(), store.categories(table), state.get().gamma());
        if (observations.isEmpty()) {
            return;
        }
        var regimeKeys = new LinkedHashSet<RegimeKey>();
        observations.keySet().forEach(key -> regimeKeys.add(new RegimeKey(key.regime(), key.category())));
        Map<EdgeKey, EdgeRow> rows = store.rows(table, observations.keySet());
        Map<RegimeKey, RegimeStatistics> statistics = store.statistics(table, regimeKeys);
        Set<RegimeKey> storedStatistics = Set.copyOf(statistics.keySet());
        // every touched (regime, category) gets a statistics row, even before its first sample, so the weights query
        // lists it without scanning the scores
        var changedStatistics = new LinkedHashMap<RegimeKey, RegimeStatistics>();
        for (RegimeKey key : regimeKeys) {
            changedStatistics.put(key, statistics.computeIfAbsent(key, absent -> new RegimeStatistics()));
        }

        // 1. observe: each occurrence updates its row and, when the row predicted a sign, its regime's statistics
        var touched = new ArrayList<EdgeRow>(observations.size());
        for (var entry : observations.entrySet()) {
            EdgeKey key = entry.getKey();
            EdgeRow row = rows.getOrDefault(key, new EdgeRow(key, false));
            MultiplierVector before = row.multipliers;
            double predicted = row.samples > 0 ? Math.signum(row.rawEdge) : 0.0;
            var regimeKey = new RegimeKey(key.regime(), key.category());
            for (double x : entry.getValue()) {
                if (predicted != 0) {
                    statistics.get(regimeKey).add(before, x * predicted);
                }
                row.observe(x, t, at, ewma);
            }
            touched.add(row);
        }

        // 2. history, multipliers, half-life and score of every touched row, with its regime's weights after the batch
        long bucket = (long) Math.floor(t / settings.bucketWidth());
        var weightCache = new HashMap<RegimeKey, LearnedWeights>();
        var newRows = new HashMap<RegimeKey, Long>();
        for (EdgeRow row : touched) {
            var regimeKey = new RegimeKey(row.key.regime(), row.key.category());
            LearnedWeights learned = weightCache.computeIfAbsent(regimeKey, k -> weights.weights(statistics.get(k)));
            refresh(row, observations.get(row.key), t, bucket, learned.effective());
            if (!row.stored) {
                newRows.merge(regimeKey, 1L, Long::sum);
            }
        }
        store.saveRows(table, touched);
        store.saveStatistics(table, changedStatistics, newRows, storedStatistics, at);
    }

    /**
     * Adds the batch's signals to the row's history bucket (every update of a batch shares its clock time), caps the
     * history and recomputes the multipliers and the score. The half-life is refitted when the row opens a new bucket,
     * on its closed buckets (the open one is still filling), so batches landing in the same bucket, e.g. many per day
     * under {@link EdgeClock#EVENT_TIME}, cost no refit.
     */
    private void refresh(EdgeRow row, List<Double> signals, double t, long bucket, MultiplierVector weights) {
        boolean opened = false;
        for (double x : signals) {
            opened |= row.history.add(bucket, t, x);
        }
        row.history.cap(settings.historyCap());
        if (opened) {
            row.halfLife = halfLife.fit(row.history.pointsBefore(bucket), row.rawEdge);
        }
        row.multipliers = new MultiplierVector(
                recurrence.multiplier(row.samples),
                coherence.multiplier(row.positives, row.negatives),
                timeEfficiency.multiplier(row.signalSum, row.firstT, row.lastT),
                halfLife.multiplier(row.halfLife));
        row.score = EdgeScoreFormula.score(row.rawEdge, row.multipliers, weights);
    }

    /** The signals of the batch grouped by row, each row's in batch order, rows in order of first occurrence. */
    private LinkedHashMap<EdgeKey, List<Double>> observations(
            List<AppliedUpdate> updates, Map<String, String> categories, double gamma) {
        var out = new LinkedHashMap<EdgeKey, List<Double>>();
        for (AppliedUpdate update : updates) {
            double x = settings.signal().of(update, gamma);
            if (!Double.isFinite(x)) {
                continue; // cannot come from a valid event; never poison the read model with it
            }
            String category = categories.getOrDefault(update.action(), update.action());
            String regime = regimes.of(update.scope());
            for (String pattern : selector.patternsOf(update.state())) {
                out.computeIfAbsent(new EdgeKey(pattern, category, regime), k -> new ArrayList<>())
                        .add(x);
            }
        }
        return out;
    }

    @ResetHandler
    void reset() {
        store.clear();
    }
}
