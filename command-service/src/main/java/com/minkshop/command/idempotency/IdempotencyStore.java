package com.minkshop.command.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The {@code eventstore.idempotency_key} table. Plain JDBC, so it joins whatever Spring transaction is bound to the
 * thread (the command's, inside the unit of work) and needs no JPA entity for Hibernate to validate.
 * <p>
 * Rows older than the TTL count as absent even before the purge deletes them.
 */
@Component
public class IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);

    private static final int PURGE_CHUNK_SIZE = 5_000;
    // bounds one purge run (50 M keys); whatever is left goes in the next
    private static final int MAX_PURGE_CHUNKS = 10_000;

    private final JdbcTemplate jdbc;
    private final long ttlSeconds;

    public IdempotencyStore(JdbcTemplate jdbc, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.ttlSeconds = properties.ttl().toSeconds();
    }

    /**
     * Claims the key for the rest of the current transaction, the command's own: PostgreSQL releases the lock when
     * that transaction commits or rolls back, and when its connection dies with a crashed instance, so a claim can
     * never outlive its request. False when a request on any instance holds it. Two keys share a lock only if their
     * 64-bit hashes collide, which at worst answers one of them "in progress" once.
     */
    public boolean tryClaimForTransaction(IdempotencyKey key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(hashtextextended(?, 0))",
                                                       Boolean.class, key.value()));
    }

    public Optional<StoredResponse> find(IdempotencyKey key) {
        return jdbc.query("""
                          SELECT fingerprint, response_status, response_location, response_body
                          FROM eventstore.idempotency_key
                          WHERE idempotency_key = ? AND created_at >= now() - make_interval(secs => ?)""",
                          (row, i) -> new StoredResponse(row.getString("fingerprint"), row.getInt("response_status"),
                                                         row.getString("response_location"),
                                                         row.getString("response_body")),
                          key.value(), ttlSeconds)
                   .stream().findFirst();
    }

    /**
     * Stores the outcome unless the key already has a live one. A concurrent writer of the same key makes this wait
     * until that writer's transaction ends; if it committed, this returns false.
     */
    public boolean save(IdempotencyKey key, StoredResponse response) {
        return jdbc.update("""
                           INSERT INTO eventstore.idempotency_key
                               (idempotency_key, fingerprint, response_status, response_location, response_body)
                           VALUES (?, ?, ?, ?, ?)
                           ON CONFLICT (idempotency_key) DO UPDATE
                               SET fingerprint = EXCLUDED.fingerprint, response_status = EXCLUDED.response_status,
                                   response_location = EXCLUDED.response_location,
                                   response_body = EXCLUDED.response_body, created_at = now()
                               WHERE idempotency_key.created_at < now() - make_interval(secs => ?)""",
                           key.value(), response.fingerprint(), response.status(), response.location(),
                           response.body(), ttlSeconds) == 1;
    }

    @Scheduled(fixedDelayString = "${minkshop.idempotency.purge-interval:1h}",
               initialDelayString = "${minkshop.idempotency.purge-interval:1h}")
    void purgeOnSchedule() {
        purgeExpired();
    }

    /**
     * Deletes expired keys a chunk at a time: each statement stays far below the service's statement timeout and
     * holds its row locks briefly, however many keys expired since the last purge.
     */
    public int purgeExpired() {
        int purged = 0;
        for (int chunk = 0; chunk < MAX_PURGE_CHUNKS; chunk++) {
            int deleted = jdbc.update("""
                                      DELETE FROM eventstore.idempotency_key
                                      WHERE idempotency_key IN (
                                          SELECT idempotency_key FROM eventstore.idempotency_key
                                          WHERE created_at < now() - make_interval(secs => ?)
                                          LIMIT ?)""", ttlSeconds, PURGE_CHUNK_SIZE);
            purged += deleted;
            if (deleted < PURGE_CHUNK_SIZE) {
                break;
            }
        }
        if (purged > 0) {
            log.info("[IDEMPOTENCY] purged {} expired keys", purged);
        }
        return purged;
    }
}
