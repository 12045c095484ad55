package io.qswarm.federation.api;

import io.qswarm.intelligence.api.QTableId;
import org.axonframework.serialization.Revision;

/** A table joined the swarm. Every member's next contribution is a full one (the neighbourhoods changed). */
@Revision("1")
public record MemberJoined(SwarmId swarmId, QTableId member) {}
