package io.qswarm.federation.transport;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A {@link NonceLedger} in memory: for tests and single-run tools (a restart forgets, so production persists). */
public final class InMemoryNonceLedger implements NonceLedger {

    private final Map<String, Instant> used = new HashMap<>();

    @Override
    public synchronized boolean firstUse(PeerId sender, Nonce nonce, Instant issuedAt) {
        return used.putIfAbsent(sender.value() + ' ' + nonce.value(), issuedAt) == null;
    }

    @Override
    public synchronized void forgetIssuedBefore(Instant instant) {
        used.values().removeIf(issued -> issued.isBefore(instant));
    }

    public synchronized int size() {
        return used.size();
    }
}
