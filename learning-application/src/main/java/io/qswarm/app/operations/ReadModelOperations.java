package io.qswarm.app.operations;

import io.qswarm.projections.catalog.ReadModel;
import io.qswarm.projections.catalog.ReadModelDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Operator actions on the read models: status and progress, rebuild from the event store, content digest, and the
 * dead-letter queue (list, retry). Shared by the REST API and the CLI.
 */
@Component
public class ReadModelOperations {

    private final EventProcessingConfiguration processing;
    /** The event store, seen only as the stream the processors read (the application loads no aggregate). */
    private final StreamableMessageSource<TrackedEventMessage<?>> events;

    private final JdbcTemplate jdbc;

    public ReadModelOperations(
            EventProcessingConfiguration processing,
            StreamableMessageSource<TrackedEventMessage<?>> events,
            JdbcTemplate jdbc) {
        this.processing = processing;
        this.events = events;
        this.jdbc = jdbc;
    }

    public List<ReadModelStatus> all() {
        return ReadModel.names().stream().map(this::status).toList();
    }

    public ReadModelStatus status(String name) {
        ReadModel model = model(name);
        TrackingEventProcessor processor = processor(model);
        long head = position(events.createHeadToken());
        var statuses = processor.processingStatus().values();
        long position = statuses.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min()
                .orElse(-1);
        boolean caughtUp = !statuses.isEmpty() && statuses.stream().allMatch(EventTrackerStatus::isCaughtUp);
        boolean replaying = statuses.stream().anyMatch(ReadModelOperations::replaying);
        String error = statuses.stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(status -> String.valueOf(status.getError()))
                .findFirst()
                .orElse(null);
        double progress = head <= 0 || caughtUp ? 1.0 : Math.min(1.0, Math.max(0, position + 1) / (double) (head + 1));
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = processing.deadLetterQueue(name);
        return new ReadModelStatus(
                name,
                processor.isRunning(),
                replaying,
                caughtUp,
                position,
                head,
                progress,
                queue.map(SequencedDeadLetterQueue::size).orElse(0L),
                queue.map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L),
                error);
    }

    /**
     * Rebuilds a read model from the whole event stream: stops its processor, empties its dead-letter queue (every
     * parked event is replayed anyway), resets its tokens (which calls the model's reset handler) and starts it again.
     * Returns at once; {@link #status} reports the progress.
     */
    public ReadModelStatus rebuild(String name) {
        TrackingEventProcessor processor = processor(model(name));
        if (!processor.supportsReset()) {
            throw new IllegalStateException("read model '" + name + "' cannot be reset");
        }
        awaitClaimed(processor);
        processor.shutDown();
        processing.deadLetterQueue(name).ifPresent(SequencedDeadLetterQueue::clear);
        processor.resetTokens();
        processor.start();
        return status(name);
    }

    /** A processor shut down before it claimed its segments may not release them cleanly: wait for the claim. */
    private static void awaitClaimed(TrackingEventProcessor processor) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (processor.isRunning() && processor.processingStatus().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The read model's content hash: equal for two databases holding the same model. */
    public String digest(String name) {
        return ReadModelDigest.of(jdbc, model(name));
    }

    public List<DeadLetterView> deadLetters(String name) {
        model(name);
        var views = new ArrayList<DeadLetterView>();
        processing.deadLetterQueue(name).ifPresent(queue -> {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    views.add(view(letter));
                }
            }
        });
        return views;
    }

    /** Retries every parked sequence once; returns how many sequences were processed successfully. */
    public int retryDeadLetters(String name) {
        model(name);
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor =
                processing.sequencedDeadLetterProcessor(name);
        if (processor.isEmpty()) {
            return 0;
        }
        long sequences = processing
                .deadLetterQueue(name)
                .map(SequencedDeadLetterQueue::amountOfSequences)
                .orElse(0L);
        int succeeded = 0;
        for (long i = 0; i < sequences; i++) {
            if (processor.get().processAny()) {
                succeeded++;
            }
        }
        return succeeded;
    }

    /**
     * Still replaying events it saw before the reset. Axon's own flag stays up until an event after the reset point
     * arrives, so a rebuild that reached the old head is reported done at once.
     */
    private static boolean replaying(EventTrackerStatus status) {
        if (!status.isReplaying()) {
            return false;
        }
        OptionalLong reset = status.getResetPosition();
        OptionalLong current = status.getCurrentPosition();
        return reset.isEmpty() || current.isEmpty() || current.getAsLong() < reset.getAsLong();
    }

    private static DeadLetterView view(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        String aggregate = null;
        long sequenceNumber = -1;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregate = domain.getAggregateIdentifier();
            sequenceNumber = domain.getSequenceNumber();
        }
        long position = message instanceof TrackedEventMessage<?> tracked ? position(tracked.trackingToken()) : -1;
        return new DeadLetterView(
                aggregate,
                message.getPayloadType().getSimpleName(),
                aggregate,
                sequenceNumber,
                position,
                letter.cause().map(cause -> cause.type()).orElse(null),
                letter.cause().map(cause -> cause.message()).orElse(null),
                letter.enqueuedAt(),
                letter.lastTouched());
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static ReadModel model(String name) {
        return ReadModel.named(name).orElseThrow(() -> new UnknownReadModelException(name));
    }

    private TrackingEventProcessor processor(ReadModel model) {
        return processing
                .eventProcessor(model.processingGroup(), TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException(
                        "read model '" + model.processingGroup() + "' has no tracking processor"));
    }
}
