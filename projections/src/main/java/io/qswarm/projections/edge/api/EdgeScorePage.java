package io.qswarm.projections.edge.api;

import io.qswarm.intelligence.api.QTableId;
import java.util.List;

/** A page of edge scores and the number of rows that matched the filter. */
public record EdgeScorePage(QTableId tableId, List<EdgeScoreRow> rows, int page, int size, long total) {}
