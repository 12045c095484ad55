-- Federation between deployments authenticates the deployment (docs/security.md "Federation credentials").
-- outbound_credential: the token the peer issued to this deployment (a peer token on its side, scoped to this
-- deployment's peer id), sent with every packet and snapshot request to it. It is a secret of the peer's, stored here
-- because it must be sent; it alone cannot forge a packet, whose signature is checked against this deployment's key.
ALTER TABLE federation_peer ADD COLUMN outbound_credential VARCHAR(200);

-- Every change of a registered peer's key: refused unless the operator asked for a rotation.
CREATE TABLE federation_peer_rotation (
    peer_id     VARCHAR(128) NOT NULL,
    rotated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    old_key_id  VARCHAR(40)  NOT NULL,
    new_key_id  VARCHAR(40)  NOT NULL,
    rotated_by  VARCHAR(100),
    PRIMARY KEY (peer_id, rotated_at)
);
