package io.qswarm.federation.api;

import io.qswarm.intelligence.api.QTableId;
import java.util.List;

/** The sources whose contributions {@code participant} receives in a round, as its topology resolved them. */
public record Neighbourhood(QTableId participant, List<QTableId> sources) {}
