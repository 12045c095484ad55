package io.qswarm.app.operations;

/**
 * Where a read model stands: its processor's state and position in the event stream.
 *
 * @param position global index of the last event the processor handled, -1 before the first
 * @param head global index of the newest stored event, -1 for an empty store
 * @param progress position over head (1 when caught up or the store is empty)
 * @param deadLetters events parked in the read model's dead-letter queue
 * @param parkedSequences sequences (tables) the dead-letter queue holds back
 * @param error the processor's error, if it is in an error state
 */
public record ReadModelStatus(
        String name,
        boolean running,
        boolean replaying,
        boolean caughtUp,
        long position,
        long head,
        double progress,
        long deadLetters,
        long parkedSequences,
        String error) {}
