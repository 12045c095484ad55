package io.qswarm.federation.simulation;

import io.qswarm.federation.api.AggregationRule;
import io.qswarm.federation.api.CloseRound;
import io.qswarm.federation.api.ContributeKnowledge;
import io.qswarm.federation.api.FormSwarm;
import io.qswarm.federation.api.KnowledgeContributed;
import io.qswarm.federation.api.KnowledgeRequested;
import io.qswarm.federation.api.Quorum;
import io.qswarm.federation.api.RoundCompleted;
import io.qswarm.federation.api.RoundFailed;
import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.RoundStarted;
import io.qswarm.federation.api.StartRound;
import io.qswarm.federation.api.SwarmError;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.federation.api.SwarmRefusedException;
import io.qswarm.federation.api.SyncPeriod;
import io.qswarm.federation.api.Topology;
import io.qswarm.federation.config.FederationModule;
import io.qswarm.federation.fixtures.SimulatedStore;
import io.qswarm.federation.fixtures.StorageMapper;
import io.qswarm.federation.saga.RoundSaga;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.StateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.saga.AbstractSagaManager;
import org.axonframework.test.deadline.StubDeadlineManager;

/**
 * Rounds under churn, in simulated time: the real {@code Swarm} aggregate and {@link RoundSaga} on an in-memory Axon
 * configuration ({@link FederationModule}), a stub deadline manager whose clock the simulation advances, and simulated
 * participants. Peers drop out and come back (a two-state chain whose long-run offline share is {@code dropout}), some
 * online peers answer after the deadline, and some round closes are lost (the saga's retry must close those rounds).
 * Everything is drawn from one seed, so a run is reproducible.
 *
 * <p>Run 1,000 rounds: {@code mvn -o -pl federation test -Dtest=RoundsUnderChurnTest -Dqswarm.churn.rounds=1000}.
 */
public final class ChurnSimulation {

    /** The knobs of a run. */
    public record Settings(
            int peers,
            double dropout,
            double late,
            double lostCloses,
            int rounds,
            Duration timeout,
            Quorum quorum,
            AggregationRule aggregation,
            long seed) {

        public static Settings ofIssue(int rounds) {
            return new Settings(
                    20,
                    0.30,
                    0.10,
                    0.05,
                    rounds,
                    Duration.ofSeconds(30),
                    Quorum.fraction(0.5),
                    AggregationRule.trimmedMean(0.2),
                    20_261_122L);
        }
    }

    /** What happened to one round. */
    public record RoundRecord(
            RoundId round, boolean completed, Duration duration, int contributors, int merges, int closesLost) {}

    /** What a run measured. */
    public record Report(
            Settings settings,
            List<RoundRecord> rounds,
            int contributionsAccepted,
            int acceptedAfterTheDeadline,
            Map<SwarmError, Integer> refusals,
            int staleAccepted,
            int mergesForOtherRounds,
            int deadlinesLeft,
            long wallMillis) {

        public long completed() {
            return rounds.stream().filter(RoundRecord::completed).count();
        }

        public long failed() {
            return rounds.size() - completed();
        }

        public double worstDurationOverTimeout() {
            return rounds.stream()
                    .mapToDouble(r ->
                            r.duration().toNanos() / (double) settings.timeout().toNanos())
                    .max()
                    .orElse(0);
        }

        public double meanDurationOverTimeout() {
            return rounds.stream()
                    .mapToDouble(r ->
                            r.duration().toNanos() / (double) settings.timeout().toNanos())
                    .average()
                    .orElse(0);
        }

        public long roundsWithALostClose() {
            return rounds.stream().filter(r -> r.closesLost() > 0).count();
        }

        public String summary() {
            return String.format(
                    "%d rounds of %d peers (%.0f%% offline, %.0f%% late, %.0f%% closes lost), seed %d, %d ms:%n"
                            + "  completed %d, failed %d, ended within deadline + 10%%: %s%n"
                            + "  round duration / timeout: mean %.3f, worst %.3f; rounds with a lost close %d%n"
                            + "  contributions accepted %d (after the deadline, round still open: %d),"
                            + " stale accepted %d%n"
                            + "  refused %s%n"
                            + "  merges sent %d, merges naming another round %d, deadlines left %d",
                    rounds.size(),
                    settings.peers(),
                    settings.dropout() * 100,
                    settings.late() * 100,
                    settings.lostCloses() * 100,
                    settings.seed(),
                    wallMillis,
                    completed(),
                    failed(),
                    worstDurationOverTimeout() <= 1.10,
                    meanDurationOverTimeout(),
                    worstDurationOverTimeout(),
                    roundsWithALostClose(),
                    contributionsAccepted,
                    acceptedAfterTheDeadline,
                    staleAccepted,
                    refusals,
                    rounds.stream().mapToInt(RoundRecord::merges).sum(),
                    mergesForOtherRounds,
                    deadlinesLeft);
        }
    }

    private static final SwarmId SWARM = SwarmId.of("churn");
    /** A refused command evicts the swarm from the cache; a snapshot keeps its reload short, as in production. */
    private static final int SNAPSHOT_EVERY = 100;

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final Settings settings;
    private final Random random;
    private final StubDeadlineManager deadlines = new StubDeadlineManager(START);
    private final SimulatedStore storage = new SimulatedStore();
    private final PriorityQueue<Reply> replies = new PriorityQueue<>();
    private final List<QTableId> peers;
    private final boolean[] offline;
    private Configuration axon;
    private long replySequence;

    // what the observers saw
    private RoundId openRound;
    private Instant openedAt;
    private Instant endedAt;
    private boolean endedCompleted;
    private int contributionsAccepted;
    private int acceptedAfterTheDeadline;
    private int staleAccepted;
    private int mergesForOtherRounds;
    private int closesLostThisRound;
    private int mergesThisRound;
    private int contributorsThisRound;
    private final Map<SwarmError, Integer> refusals = new EnumMap<>(SwarmError.class);

    private record Reply(Instant at, long sequence, RoundId round, QTableId peer) implements Comparable<Reply> {
        @Override
        public int compareTo(Reply other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    public ChurnSimulation(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.peers = IntStream.range(0, settings.peers())
                .mapToObj(i -> QTableId.of(String.format("peer-%02d", i)))
                .toList();
        this.offline = new boolean[settings.peers()];
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        System.out.println(new ChurnSimulation(Settings.ofIssue(rounds)).run().summary());
    }

    public Report run() {
        long began = System.nanoTime();
        axon = configuration();
        axon.start();
        axon.commandBus().registerHandlerInterceptor(lossyCloses());
        try {
            axon.commandGateway()
                    .sendAndWait(new FormSwarm(
                            SWARM,
                            peers,
                            Topology.fullMesh(),
                            settings.aggregation(),
                            settings.quorum(),
                            settings.timeout(),
                            SyncPeriod.everyEpisodes(1)));
            var records = new ArrayList<RoundRecord>();
            for (int round = 1; round <= settings.rounds(); round++) {
                churn();
                records.add(runRound(round));
            }
            deliverRepliesUntil(Instant.MAX); // the last late replies: all must be refused
            return new Report(
                    settings,
                    records,
                    contributionsAccepted,
                    acceptedAfterTheDeadline,
                    new EnumMap<>(refusals),
                    staleAccepted,
                    mergesForOtherRounds,
                    deadlines.getScheduledDeadlines().size(),
                    (System.nanoTime() - began) / 1_000_000);
        } finally {
            axon.shutdown();
        }
    }

    private Configuration configuration() {
        var configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> StorageMapper.serializer())
                .configureEmbeddedEventStore(c -> storage)
                .registerComponent(DeadlineManager.class, c -> deadlines)
                .registerCommandHandler(c -> new Tables());
        FederationModule.withoutResponder().snapshottingEvery(SNAPSHOT_EVERY).configureModule(configurer);
        configurer.eventProcessing(processing -> processing
                .usingSubscribingEventProcessors()
                .registerEventHandler(c -> new Participants())
                .registerEventHandler(c -> new Observer()));
        return configurer.buildConfiguration();
    }

    /** Online peers go offline with probability p, offline ones come back with q; long-run offline = p/(p+q). */
    private void churn() {
        double back = 0.07;
        double away = settings.dropout() * back / (1 - settings.dropout());
        for (int i = 0; i < offline.length; i++) {
            offline[i] = offline[i] ? random.nextDouble() >= back : random.nextDouble() < away;
        }
    }

    private RoundRecord runRound(int number) {
        Instant started = deadlines.getCurrentDateTime();
        closesLostThisRound = 0;
        mergesThisRound = 0;
        contributorsThisRound = 0;
        endedAt = null;
        RoundId round = axon.commandGateway().sendAndWait(new StartRound(SWARM, random.nextLong(), number % 50 == 1));
        while (endedAt == null) {
            Instant nextDeadline = deadlines.getScheduledDeadlines().stream()
                    .map(info -> info.getScheduleTime())
                    .min(Instant::compareTo)
                    .orElseThrow(() -> new IllegalStateException("round " + round + " is open without a deadline"));
            Reply next = replies.peek();
            if (next != null && !next.at().isAfter(nextDeadline)) {
                deliverRepliesUntil(next.at());
            } else {
                deadlines.advanceTimeTo(nextDeadline, this::deliverDeadline);
            }
        }
        // the next round starts a second after this one ended
        deliverRepliesUntil(endedAt.plusSeconds(1));
        deadlines.advanceTimeTo(endedAt.plusSeconds(1), this::deliverDeadline);
        return new RoundRecord(
                round,
                endedCompleted,
                Duration.between(started, endedAt),
                contributorsThisRound,
                mergesThisRound,
                closesLostThisRound);
    }

    private void deliverRepliesUntil(Instant until) {
        while (!replies.isEmpty() && !replies.peek().at().isAfter(until)) {
            Reply reply = replies.poll();
            if (reply.at().isAfter(deadlines.getCurrentDateTime())) {
                deadlines.advanceTimeTo(reply.at(), this::deliverDeadline);
            }
            contribute(reply);
        }
    }

    private void contribute(Reply reply) {
        try {
            axon.commandGateway()
                    .sendAndWait(new ContributeKnowledge(
                            SWARM, reply.round(), reply.peer(), versionOf(reply.round()), knowledgeOf(reply)));
        } catch (SwarmRefusedException refused) {
            refusals.merge(refused.error(), 1, Integer::sum);
        }
    }

    private void deliverDeadline(
            org.axonframework.messaging.ScopeDescriptor scope, org.axonframework.deadline.DeadlineMessage<?> message)
            throws Exception {
        AbstractSagaManager<RoundSaga> sagas = axon.eventProcessingConfiguration()
                .sagaConfiguration(RoundSaga.class)
                .manager();
        sagas.send(message, scope);
    }

    /** A lost close: the command fails on its way, as if a node had crashed; the saga's retry must repeat it. */
    private MessageHandlerInterceptor<CommandMessage<?>> lossyCloses() {
        return (unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof CloseRound
                    && random.nextDouble() < settings.lostCloses()) {
                closesLostThisRound++;
                throw new IllegalStateException("close lost in the simulation");
            }
            return chain.proceed();
        };
    }

    private static long versionOf(RoundId round) {
        String value = round.value();
        return Long.parseLong(value.substring(value.lastIndexOf(':') + 1));
    }

    /** Three entries per peer, whose own visits grow with the rounds. */
    private List<PeerEntry> knowledgeOf(Reply reply) {
        long version = versionOf(reply.round());
        var entries = new ArrayList<PeerEntry>();
        for (int s = 0; s < 3; s++) {
            entries.add(new PeerEntry(
                    StateKey.of("s" + s),
                    "go",
                    Math.sin(version + s + reply.peer().hashCode() % 7),
                    0,
                    Map.of(reply.peer().value(), version)));
        }
        return entries;
    }

    /** The simulated peers: each answers a request on time, late, or not at all. */
    public final class Participants {
        @EventHandler
        void on(KnowledgeRequested request) {
            int peer = peers.indexOf(request.participant());
            if (offline[peer]) {
                return;
            }
            double timeout = settings.timeout().toMillis();
            boolean late = random.nextDouble() < settings.late() / (1 - settings.dropout());
            double after = late ? timeout * (1.0 + random.nextDouble()) : timeout * 0.9 * random.nextDouble();
            replies.add(new Reply(
                    deadlines.getCurrentDateTime().plusMillis((long) after),
                    replySequence++,
                    request.roundId(),
                    request.participant()));
        }
    }

    /** The tables: count the merges and check they name the round that completed. */
    public final class Tables {
        @CommandHandler
        void handle(MergePeerKnowledge merge) {
            mergesThisRound++;
            if (openRound == null || !openRound.value().equals(merge.round())) {
                mergesForOtherRounds++;
            }
        }
    }

    /** Watches rounds open and end in simulated time, and checks every accepted contribution. */
    public final class Observer {
        @EventHandler
        void on(RoundStarted event) {
            openRound = event.roundId();
            openedAt = deadlines.getCurrentDateTime();
        }

        @EventHandler
        void on(KnowledgeContributed event) {
            contributionsAccepted++;
            contributorsThisRound++;
            if (!event.roundId().equals(openRound)) {
                staleAccepted++;
            }
            if (deadlines.getCurrentDateTime().isAfter(openedAt.plus(settings.timeout()))) {
                acceptedAfterTheDeadline++;
            }
        }

        @EventHandler
        void on(RoundCompleted event) {
            ended(event.roundId(), true);
        }

        @EventHandler
        void on(RoundFailed event) {
            ended(event.roundId(), false);
        }

        private void ended(RoundId round, boolean completed) {
            if (!round.equals(openRound)) {
                throw new IllegalStateException("round " + round + " ended while " + openRound + " was open");
            }
            endedAt = deadlines.getCurrentDateTime();
            endedCompleted = completed;
        }
    }
}
