package io.qswarm.federation.api;

import io.qswarm.intelligence.api.QTableId;

/** A participant of a completed round that receives no merge, and why. */
public record MergeSkipped(QTableId participant, String reason) {}
