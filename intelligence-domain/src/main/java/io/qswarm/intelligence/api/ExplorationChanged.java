package io.qswarm.intelligence.api;

import org.axonframework.serialization.Revision;

/** The exploration schedule was replaced; episodes restart at zero and epsilon is the new schedule's start. */
@Revision("1")
public record ExplorationChanged(QTableId tableId, ExplorationSchedule exploration, double epsilon) {}
