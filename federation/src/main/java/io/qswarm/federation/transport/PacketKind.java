package io.qswarm.federation.transport;

/** What a packet asks for. Part of the signed bytes, so a signature for one kind is worthless for another. */
public enum PacketKind {
    /** The coordinator of a round asks a peer for the knowledge of a table it hosts. */
    KNOWLEDGE_REQUEST,
    /** The peer answers with the table's entries changed since the requested version. */
    CONTRIBUTION,
    /** The coordinator sends the aggregate of a remote participant's sources, to be merged into its table. */
    MERGE_REQUEST
}
