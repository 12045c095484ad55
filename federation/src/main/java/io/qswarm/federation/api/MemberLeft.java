package io.qswarm.federation.api;

import io.qswarm.intelligence.api.QTableId;
import org.axonframework.serialization.Revision;

/** A table left the swarm. Every member's next contribution is a full one (the neighbourhoods changed). */
@Revision("1")
public record MemberLeft(SwarmId swarmId, QTableId member) {}
