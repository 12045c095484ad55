-- Cross-deployment federation (io.qswarm.app.federation, docs/federation.md "Across deployments").
-- The peers this deployment trusts (public keys only: a private key never leaves the data directory), which peer hosts
-- each remote member table, and the nonces peers have used inside the replay window (each packet is accepted once).

CREATE TABLE federation_peer (
    peer_id    VARCHAR(128)  NOT NULL PRIMARY KEY,
    base_url   VARCHAR(2048) NOT NULL,
    public_key VARCHAR(200)  NOT NULL,
    key_id     VARCHAR(40)   NOT NULL,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE federation_remote_table (
    table_id VARCHAR(128) NOT NULL PRIMARY KEY,
    peer_id  VARCHAR(128) NOT NULL REFERENCES federation_peer (peer_id),
    added_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_federation_remote_table_peer ON federation_remote_table (peer_id);

CREATE TABLE federation_nonce (
    peer_id   VARCHAR(128) NOT NULL,
    nonce     VARCHAR(90)  NOT NULL,
    issued_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (peer_id, nonce)
);
CREATE INDEX idx_federation_nonce_issued_at ON federation_nonce (issued_at);
