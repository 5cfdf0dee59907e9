-- Axon's event store and the other tables whose JPA entities Axon registers (token, saga, dead letter), so that
-- spring.jpa.hibernate.ddl-auto=validate passes. Binary columns are bytea to match META-INF/orm.xml: no large
-- objects, and the JSON stays readable with convert_from(payload, 'UTF8').

-- global_index also has a default so a JdbcEventStorageEngine could append to the same table
CREATE SEQUENCE domain_event_entry_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE domain_event_entry (
    global_index         BIGINT       NOT NULL DEFAULT nextval('domain_event_entry_seq'),
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    CONSTRAINT domain_event_entry_pkey PRIMARY KEY (global_index),
    -- the optimistic-concurrency guard: a second writer of the same sequence number fails here
    CONSTRAINT domain_event_entry_aggregate_seq_uk UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_id_uk UNIQUE (event_identifier)
);
ALTER SEQUENCE domain_event_entry_seq OWNED BY domain_event_entry.global_index;

-- primary key starts with the aggregate, which serves "latest snapshot of aggregate X"
CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    CONSTRAINT snapshot_event_entry_pkey PRIMARY KEY (aggregate_identifier, sequence_number, type),
    CONSTRAINT snapshot_event_entry_event_id_uk UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    "timestamp"    VARCHAR(255) NOT NULL,
    owner          VARCHAR(255),
    CONSTRAINT token_entry_pkey PRIMARY KEY (processor_name, segment)
);

CREATE TABLE saga_entry (
    saga_id         VARCHAR(255) NOT NULL,
    revision        VARCHAR(255),
    saga_type       VARCHAR(255),
    serialized_saga BYTEA,
    CONSTRAINT saga_entry_pkey PRIMARY KEY (saga_id)
);

-- Hibernate's default allocation (50) matches the unmodified AssociationValueEntry mapping
CREATE SEQUENCE association_value_entry_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE association_value_entry (
    id                BIGINT       NOT NULL,
    association_key   VARCHAR(255) NOT NULL,
    association_value VARCHAR(255),
    saga_id           VARCHAR(255) NOT NULL,
    saga_type         VARCHAR(255),
    CONSTRAINT association_value_entry_pkey PRIMARY KEY (id)
);
CREATE INDEX association_value_entry_type_key_value_idx
    ON association_value_entry (saga_type, association_key, association_value);
CREATE INDEX association_value_entry_saga_idx ON association_value_entry (saga_id, saga_type);

CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    type                 VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_touched         TIMESTAMP(6) WITH TIME ZONE,
    processing_started   TIMESTAMP(6) WITH TIME ZONE,
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_pkey PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_group_seq_idx_uk UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group_idx ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_group_seq_idx ON dead_letter_entry (processing_group, sequence_identifier);
