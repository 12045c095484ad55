-- Credentials of the API (io.qswarm.app.security, docs/security.md "Tokens and their lifecycle").
-- A row is an API token, a browser session made from one, or a one-time login code. Only the SHA-256 of the secret is
-- kept: the secret itself is shown once, when it is made. Rows live in the store so that every node of a cluster
-- accepts and revokes the same credentials.

CREATE TABLE api_token (
    token_id      VARCHAR(32)  NOT NULL PRIMARY KEY,
    kind          VARCHAR(16)  NOT NULL,
    name          VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    scope         VARCHAR(128),
    secret_sha256 CHAR(64)     NOT NULL,
    parent_id     VARCHAR(32),
    created_by    VARCHAR(100),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idx_api_token_parent ON api_token (parent_id);
CREATE INDEX idx_api_token_kind_expires ON api_token (kind, expires_at);

-- One row once the first admin token was made at a first start: a second node starting on the same store, or a
-- restart after every token was revoked, makes none (recovery: ./qswarm token create --store ...).
CREATE TABLE api_token_bootstrap (
    marker     VARCHAR(16) NOT NULL PRIMARY KEY,
    token_id   VARCHAR(32) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
