package io.qswarm.audit;

/**
 * The first thing an audit found that does not follow from the recorded facts.
 *
 * @param globalIndex global position of the event at fault (-1 when not tied to one event)
 * @param sequence its sequence number within the table
 * @param field what disagrees, e.g. {@code updates[3].newQ} or {@code chain.prev}
 * @param expected the value the replay derives
 * @param recorded the value the store holds
 */
public record Discrepancy(
        String tableId, long globalIndex, long sequence, String field, String expected, String recorded) {

    @Override
    public String toString() {
        return "table " + tableId + ", global position " + globalIndex + ", sequence " + sequence + ": " + field
                + " expected " + expected + " but recorded " + recorded;
    }
}
