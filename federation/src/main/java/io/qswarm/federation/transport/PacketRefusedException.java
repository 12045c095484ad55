package io.qswarm.federation.transport;

/** A received packet was refused before anything it carried reached a table or a swarm. */
public class PacketRefusedException extends RuntimeException {

    private final PacketRefusal refusal;

    public PacketRefusedException(PacketRefusal refusal, String reason) {
        super(reason);
        this.refusal = refusal;
    }

    public PacketRefusal refusal() {
        return refusal;
    }
}
