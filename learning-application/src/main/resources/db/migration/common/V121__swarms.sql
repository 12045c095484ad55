-- Read model of the swarms projection (processing group "swarms"): each swarm's definition and membership, and every
-- round with its outcome. Rebuilt from the Swarm aggregate's events; last_sequence makes re-delivery harmless.

CREATE TABLE federation_swarm (
    swarm_id        VARCHAR(128)     NOT NULL PRIMARY KEY,
    members_json    VARCHAR(1000000) NOT NULL,
    definition_json VARCHAR(10000)   NOT NULL,
    rounds_started  BIGINT           NOT NULL,
    open_round      VARCHAR(128),
    last_round_at   TIMESTAMP WITH TIME ZONE,
    formed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sequence   BIGINT           NOT NULL
);

CREATE TABLE federation_round (
    round_id          VARCHAR(128)     NOT NULL PRIMARY KEY,
    swarm_id          VARCHAR(128)     NOT NULL,
    round_number      BIGINT           NOT NULL,
    status            VARCHAR(16)      NOT NULL,
    participants_json VARCHAR(1000000) NOT NULL,
    required          INT              NOT NULL,
    full_sync         BOOLEAN          NOT NULL,
    gossip_seed       BIGINT           NOT NULL,
    contributions     INT              NOT NULL,
    outcome_json      VARCHAR(1000000),
    reason            VARCHAR(2000),
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idx_federation_round_swarm ON federation_round (swarm_id, round_number);
