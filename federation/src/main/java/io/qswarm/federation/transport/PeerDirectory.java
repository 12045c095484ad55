package io.qswarm.federation.transport;

import java.util.Optional;

/** The peers this deployment trusts: their public keys, by id. */
@FunctionalInterface
public interface PeerDirectory {

    Optional<PeerKey> keyOf(PeerId peer);
}
