package io.qswarm.projections.support;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Lets a projection collect the changes of every event of one unit of work (a tracking processor's batch, or one
 * dead-letter retry) in memory and write them once, just before the unit of work commits its transaction: a row the
 * batch touches ten times is read once and written once. Outside a unit of work (a direct call, a unit of work already
 * committing) each event's changes are written at once, so every caller sees the same end state.
 *
 * <p>Correctness rests on three rules the projections follow: the buffer lives in the unit of work's resources, so a
 * rolled-back batch (and a processor reset, which runs outside any batch) drops it with the transaction; an event
 * enters the buffer only once its changes are fully computed, so an event that fails (and is dead-lettered) leaves
 * nothing half-applied behind; and the idempotency guard (each table's last applied sequence) is read through the
 * buffer, so a redelivered event is skipped whether its first delivery was flushed already or not. Writes are
 * absolute values computed in event order, so the content is the same whatever the batch boundaries are (a rebuild
 * with batches of 100 equals a live model fed one event at a time).
 *
 * @param <T> the projection's pending changes
 */
public final class BatchWrites<T> {

    private final String resourceKey;
    private final Supplier<T> pending;
    private final Consumer<T> flush;

    /**
     * @param owner names the buffer among the unit of work's resources (one buffer per projection)
     * @param pending creates an empty set of pending changes
     * @param flush writes a set of pending changes (in the caller's transaction)
     */
    public BatchWrites(String owner, Supplier<T> pending, Consumer<T> flush) {
        this.resourceKey = BatchWrites.class.getName() + "/" + owner;
        this.pending = pending;
        this.flush = flush;
    }

    /** Applies one event's changes to the unit of work's pending changes, or writes them at once outside one. */
    public void apply(Consumer<T> change) {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            if (root.phase().isBefore(UnitOfWork.Phase.PREPARE_COMMIT)) {
                change.accept(root.getOrComputeResource(resourceKey, key -> {
                    T created = pending.get();
                    root.onPrepareCommit(unitOfWork -> flush.accept(created));
                    return created;
                }));
                return;
            }
        }
        T alone = pending.get();
        change.accept(alone);
        flush.accept(alone);
    }
}
