package com.minkshop.command;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Arrays;
import java.util.List;

/**
 * Reads the event store the way the query-service will: straight from the table, payloads as UTF-8 JSON.
 */
public final class StoredEvents {

    private final JdbcTemplate jdbc;

    public StoredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Events of the given aggregates in the order they were appended. */
    public List<StoredEvent> of(String... aggregateIds) {
        String placeholders = String.join(",", Arrays.stream(aggregateIds).map(id -> "?").toList());
        return jdbc.query("""
                          SELECT aggregate_identifier, sequence_number, payload_type,
                                 convert_from(payload, 'UTF8') AS payload, convert_from(meta_data, 'UTF8') AS meta_data
                          FROM eventstore.domain_event_entry
                          WHERE aggregate_identifier IN (%s)
                          ORDER BY global_index""".formatted(placeholders),
                          (row, i) -> new StoredEvent(row.getString("aggregate_identifier"),
                                                      row.getLong("sequence_number"),
                                                      row.getString("payload_type"),
                                                      ShopClient.parse(row.getString("payload")),
                                                      row.getString("meta_data")),
                          (Object[]) aggregateIds);
    }

    /** Also removes sagas associated with these ids, so a re-used order id starts a fresh saga. */
    public void delete(String... aggregateIds) {
        for (String table : List.of("domain_event_entry", "snapshot_event_entry")) {
            for (String id : aggregateIds) {
                jdbc.update("DELETE FROM eventstore." + table + " WHERE aggregate_identifier = ?", id);
            }
        }
        for (String id : aggregateIds) {
            jdbc.update("""
                        DELETE FROM eventstore.saga_entry WHERE saga_id IN
                            (SELECT saga_id FROM eventstore.association_value_entry WHERE association_value = ?)""",
                        id);
            jdbc.update("DELETE FROM eventstore.association_value_entry WHERE association_value = ?", id);
        }
    }

    public long largeObjects() {
        return jdbc.queryForObject("SELECT count(*) FROM pg_largeobject_metadata", Long.class);
    }

    public record StoredEvent(String aggregateId, long sequenceNumber, String payloadType, JsonNode payload,
                              String metaData) {

        public String simpleType() {
            return payloadType.substring(payloadType.lastIndexOf('.') + 1);
        }
    }
}
