-- Outcomes of commands sent with an Idempotency-Key, so a retried request is answered with the first outcome
-- instead of running again. A success's row is written in the same transaction as its events; business rejections
-- are written afterwards. Rows older than minkshop.idempotency.ttl are purged on a schedule.
CREATE TABLE idempotency_key (
    idempotency_key   VARCHAR(255) NOT NULL,
    -- SHA-256 (hex) of method, path and canonical body: the same key with another request is a client error
    fingerprint       CHAR(64)     NOT NULL,
    response_status   SMALLINT     NOT NULL,
    response_location TEXT,
    response_body     TEXT         NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_key_pkey PRIMARY KEY (idempotency_key)
);
-- serves the purge
CREATE INDEX idempotency_key_created_at_idx ON idempotency_key (created_at);
