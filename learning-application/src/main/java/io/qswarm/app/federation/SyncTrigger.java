package io.qswarm.app.federation;

import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.StartRound;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.federation.api.SwarmRefusedException;
import io.qswarm.federation.api.SyncPeriod;
import io.qswarm.intelligence.api.QTableId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts a swarm's rounds when its sync period is due, so agents federate while they learn:
 *
 * <ul>
 *   <li>every {@code tick} it looks at each swarm without an open round;
 *   <li>{@code EPISODES} / {@code UPDATES}: due when the swarm's local members together recorded that many episodes
 *       (learning updates) since the last round started, read from the table-summary read model (remote members'
 *       learning is not visible here: give a swarm of remote tables an interval);
 *   <li>{@code INTERVAL}: due when that long passed since the last round started (or the swarm was formed);
 *   <li>the round's gossip seed comes from the seeded {@link GossipSeeds}; every {@code fullSyncEvery}-th round of a
 *       swarm is a full sync (everyone sends all of its knowledge, re-offering what a robust rule once rejected).
 * </ul>
 *
 * The activity count at the last round is kept in memory: after a restart the first round of a swarm is due as soon as
 * its members' total activity reaches one period. A round started by someone else (REST, CLI) resets the count too.
 */
public class SyncTrigger implements SmartLifecycle {

    /** How much a table learned: its episodes and learning updates so far. */
    public record Activity(long episodes, long updates) {

        public static final Activity NONE = new Activity(0, 0);

        Activity plus(Activity other) {
            return new Activity(episodes + other.episodes, updates + other.updates);
        }

        Activity since(Activity earlier) {
            return new Activity(Math.max(0, episodes - earlier.episodes), Math.max(0, updates - earlier.updates));
        }
    }

    /** Starts a round; answers its id. */
    @FunctionalInterface
    public interface Rounds {
        RoundId start(StartRound command);
    }

    private record Seen(long roundsStarted, Activity activity) {}

    private static final Logger log = LoggerFactory.getLogger(SyncTrigger.class);

    private final Supplier<List<SwarmView>> swarms;
    private final Function<QTableId, Optional<Activity>> activity;
    private final Rounds rounds;
    private final GossipSeeds seeds;
    private final Clock clock;
    private final FederationProperties.Sync settings;
    private final Map<SwarmId, Seen> seen = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;

    /**
     * @param activity what a local table learned so far (empty for a table this deployment does not know)
     */
    public SyncTrigger(
            Supplier<List<SwarmView>> swarms,
            Function<QTableId, Optional<Activity>> activity,
            Rounds rounds,
            GossipSeeds seeds,
            Clock clock,
            FederationProperties.Sync settings) {
        this.swarms = swarms;
        this.activity = activity;
        this.rounds = rounds;
        this.seeds = seeds;
        this.clock = clock;
        this.settings = settings;
    }

    /** One look at every swarm; answers the rounds it started. */
    public List<RoundId> tick() {
        var started = new ArrayList<RoundId>();
        for (SwarmView swarm : swarms.get()) {
            if (swarm.openRound() != null) {
                continue;
            }
            Activity now = activityOf(swarm);
            Seen last = seen.get(swarm.swarmId());
            if (last == null || last.roundsStarted() != swarm.roundsStarted()) {
                // first sight (count from zero), or a round was started elsewhere (count from now)
                last = new Seen(swarm.roundsStarted(), last == null ? Activity.NONE : now);
                seen.put(swarm.swarmId(), last);
            }
            Instant since = swarm.lastRoundAt() != null ? swarm.lastRoundAt() : swarm.formedAt();
            if (!due(swarm.syncPeriod(), now.since(last.activity()), Duration.between(since, clock.instant()))) {
                continue;
            }
            long next = swarm.roundsStarted() + 1;
            boolean fullSync = settings.fullSyncEvery() > 0 && next % settings.fullSyncEvery() == 0;
            try {
                RoundId round = rounds.start(new StartRound(swarm.swarmId(), seeds.next(), fullSync));
                seen.put(swarm.swarmId(), new Seen(next, now));
                started.add(round);
                log.info(
                        "federation: {} started ({}{})",
                        round,
                        describe(swarm.syncPeriod()),
                        fullSync ? ", full sync" : "");
            } catch (SwarmRefusedException refused) {
                // e.g. a round opened meanwhile, or too few members: look again at the next tick
                seen.put(swarm.swarmId(), new Seen(swarm.roundsStarted(), last.activity()));
                log.debug("federation: {} not started: {}", swarm.swarmId(), refused.getMessage());
            }
        }
        return started;
    }

    /** Whether a round is due, given what the swarm's local members learned since the last one and the time passed. */
    static boolean due(SyncPeriod period, Activity since, Duration sinceLastRound) {
        return period.isDue(since.episodes(), since.updates(), sinceLastRound);
    }

    private Activity activityOf(SwarmView swarm) {
        if (swarm.syncPeriod().unit() == SyncPeriod.Unit.INTERVAL) {
            return Activity.NONE;
        }
        Activity total = Activity.NONE;
        for (QTableId member : swarm.members()) {
            if (!swarm.remoteMembers().containsKey(member.value())) {
                total = total.plus(activity.apply(member).orElse(Activity.NONE));
            }
        }
        return total;
    }

    private static String describe(SyncPeriod period) {
        return period.unit() == SyncPeriod.Unit.INTERVAL
                ? "every " + period.interval()
                : "every " + period.every() + " " + period.unit().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void start() {
        if (!settings.enabled() || ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "qswarm-sync-trigger");
            thread.setDaemon(true);
            return thread;
        });
        long millis = settings.tick().toMillis();
        ticker.scheduleWithFixedDelay(this::safeTick, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("federation: sync check failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2 + 2048;
    }
}
