package io.qswarm.projections.edge;

import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.QTableCreated;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.projections.edge.api.LearnedWeights;
import io.qswarm.projections.edge.api.MultiplierVector;
import io.qswarm.projections.support.BatchWrites;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * regime (docs/edge-score.md). Each learning batch is applied in bounded work: only the rows and regime statistics the
 * batch touches are read, a row's closed history only when the batch leaves its open bucket (and then its half-life
 * is refitted on the capped history), and pattern orthogonalization is left to query time. The changes of every event
 * of a processor batch are collected and written once per touched row when the batch commits ({@link BatchWrites}).
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
    private final BatchWrites<Pending> writes;

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
        this.writes = new BatchWrites<>(PROCESSING_GROUP, Pending::new, this::flush);
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
        writes.apply(pending -> apply(pending, event, sequence, at));
    }

    /**
     * Applies one event to the pending changes of the current batch. Everything the event changes is computed on
     * working copies (rows and statistics read from the batch's pending changes, else from the read model) and enters
     * the pending changes only at the end, so an event that fails leaves nothing behind.
     */
    private void apply(Pending pending, QTableUpdated event, long sequence, Instant at) {
        String table = event.tableId().value();
        TableWork work = pending.tables.get(table);
        if (work == null) {
            var state = store.table(table);
            if (state.isEmpty()) {
                return; // a table this model never saw created
            }
            work = new TableWork(state.get(), store.categories(table));
            pending.tables.put(table, work);
        }
        if (work.state.lastSequence() >= sequence) {
            return; // already applied: redelivery changes nothing
        }
        double t = settings.clock().time(at, work.state.episodeClock(), settings.timeUnit());
        var observations = observations(event.updates(), work.categories, work.state.gamma());
        var regimeKeys = new LinkedHashSet<RegimeKey>();
        observations.keySet().forEach(key -> regimeKeys.add(new RegimeKey(key.regime(), key.category())));
        Map<EdgeKey, EdgeRow> rows = work.rows(table, observations.keySet(), store);
        Map<RegimeKey, RegimeStatistics> statistics = work.statistics(table, regimeKeys, store);
        // every touched (regime, category) gets a statistics row, even before its first sample, so the weights query
        // lists it without scanning the scores
        for (RegimeKey key : regimeKeys) {
            statistics.computeIfAbsent(key, absent -> new RegimeStatistics());
        }

        // 1. observe: each occurrence updates its row and, when the row predicted a sign, its regime's statistics
        var touched = new ArrayList<EdgeRow>(observations.size());
        var newRows = new HashMap<RegimeKey, Long>();
        for (var entry : observations.entrySet()) {
            EdgeKey key = entry.getKey();
            var regimeKey = new RegimeKey(key.regime(), key.category());
            EdgeRow row = rows.get(key);
            if (row == null) {
                row = new EdgeRow(key, false);
                newRows.merge(regimeKey, 1L, Long::sum);
            }
            MultiplierVector before = row.multipliers;
            double predicted = row.samples > 0 ? Math.signum(row.rawEdge) : 0.0;
            for (double x : entry.getValue()) {
                if (predicted != 0) {
                    statistics.get(regimeKey).add(before, x * predicted);
                }
                row.observe(x, t, at, ewma);
            }
            touched.add(row);
        }

        // 2. history, multipliers, half-life and score of every touched row, with its regime's weights after the batch;
        // only rows whose batch leaves their open bucket need their closed buckets
        long bucket = (long) Math.floor(t / settings.bucketWidth());
        store.loadClosedHistories(
                table,
                touched.stream()
                        .filter(row -> row.closed == null && !row.staysOpen(bucket))
                        .toList());
        var weightCache = new HashMap<RegimeKey, LearnedWeights>();
        for (EdgeRow row : touched) {
            var regimeKey = new RegimeKey(row.key.regime(), row.key.category());
            LearnedWeights learned = weightCache.computeIfAbsent(regimeKey, k -> weights.weights(statistics.get(k)));
            refresh(row, observations.get(row.key), t, bucket, learned.effective());
        }

        // 3. the event is applied: claim its sequence (advancing the episode clock) and keep its changes
        work.state = new EdgeStore.TableState(
                work.state.gamma(), work.state.episodeClock() + (event.endsEpisode() ? 1 : 0), sequence);
        work.lastEventAt = at;
        for (EdgeRow row : touched) {
            work.rows.put(row.key, row);
        }
        for (RegimeKey key : regimeKeys) {
            work.statistics.put(key, statistics.get(key));
            work.statisticsAt.put(key, at);
        }
        for (var created : newRows.entrySet()) {
            work.newRows.merge(created.getKey(), created.getValue(), Long::sum);
        }
    }

    /** Writes a batch's pending changes: every touched row and statistics row once, and each table's guard. */
    private void flush(Pending pending) {
        pending.tables.forEach((table, work) -> {
            if (work.lastEventAt == null) {
                return; // nothing applied (every event was a redelivery)
            }
            store.saveRows(table, work.rows.values());
            store.saveStatistics(table, work.statistics, work.newRows, work.storedStatistics, work.statisticsAt);
            store.saveTable(table, work.state, work.lastEventAt);
        });
    }

    /** The changes of one batch, per table. */
    private static final class Pending {
        final Map<String, TableWork> tables = new LinkedHashMap<>();
    }

    /** One table's state in a batch: its guard and clock, categories, and the rows and statistics touched so far. */
    private static final class TableWork {
        EdgeStore.TableState state;
        Instant lastEventAt;
        final Map<String, String> categories;
        final Map<EdgeKey, EdgeRow> rows = new LinkedHashMap<>();
        final Map<RegimeKey, RegimeStatistics> statistics = new LinkedHashMap<>();
        final Map<RegimeKey, Instant> statisticsAt = new HashMap<>();
        final Set<RegimeKey> storedStatistics = new HashSet<>();
        final Map<RegimeKey, Long> newRows = new HashMap<>();

        TableWork(EdgeStore.TableState state, Map<String, String> categories) {
            this.state = state;
            this.categories = categories;
        }

        /** Working copies of the rows of {@code keys} that exist: touched earlier in the batch, else stored. */
        Map<EdgeKey, EdgeRow> rows(String table, Set<EdgeKey> keys, EdgeStore store) {
            var out = new HashMap<EdgeKey, EdgeRow>();
            var missing = new ArrayList<EdgeKey>();
            for (EdgeKey key : keys) {
                EdgeRow pending = rows.get(key);
                if (pending != null) {
                    out.put(key, pending.copy());
                } else {
                    missing.add(key);
                }
            }
            if (!missing.isEmpty()) {
                out.putAll(store.rows(table, missing));
            }
            return out;
        }

        /** Working copies of the statistics of {@code keys} that exist; remembers which ones are stored. */
        Map<RegimeKey, RegimeStatistics> statistics(String table, Set<RegimeKey> keys, EdgeStore store) {
            var out = new HashMap<RegimeKey, RegimeStatistics>();
            var missing = new ArrayList<RegimeKey>();
            for (RegimeKey key : keys) {
                RegimeStatistics pending = statistics.get(key);
                if (pending != null) {
                    out.put(key, pending.copy());
                } else {
                    missing.add(key);
                }
            }
            if (!missing.isEmpty()) {
                Map<RegimeKey, RegimeStatistics> stored = store.statistics(table, missing);
                storedStatistics.addAll(stored.keySet());
                out.putAll(stored);
            }
            return out;
        }
    }

    /**
     * Adds the batch's signals to the row's history bucket (every update of a batch shares its clock time), caps the
     * history and recomputes the multipliers and the score. The half-life is refitted when the row opens a new bucket,
     * on its closed buckets (the open one is still filling), so batches landing in the same bucket, e.g. many per day
     * under {@link EdgeClock#EVENT_TIME}, cost no refit.
     */
    private void refresh(EdgeRow row, List<Double> signals, double t, long bucket, MultiplierVector weights) {
        if (row.staysOpen(bucket)) {
            // the common case: the same bucket as the row's last batch, so no bucket opens and no refit is due
            for (double x : signals) {
                row.addToOpen(t, x);
            }
        } else {
            EdgeHistory history = row.history();
            boolean opened = false;
            for (double x : signals) {
                opened |= history.add(bucket, t, x);
            }
            history.cap(settings.historyCap());
            if (opened) {
                row.halfLife = halfLife.fit(history.pointsBefore(bucket), row.rawEdge);
            }
            row.keep(history);
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
