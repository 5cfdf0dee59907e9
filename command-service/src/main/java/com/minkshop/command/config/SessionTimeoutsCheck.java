package com.minkshop.command.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Says at startup when this service's database sessions could hold a transaction open past the event readers'
 * gapTimeout, the limit beyond which an event committed late is never projected (Axon #4829): a timeout switched off
 * (0) or set at or above it, whether by {@code minkshop.database.*} or by the server.
 */
@Component
class SessionTimeoutsCheck {

    private static final Logger log = LoggerFactory.getLogger(SessionTimeoutsCheck.class);
    /** Axon's default gapTimeout, which the query side and the saga's processor read with. */
    static final Duration READERS_GAP_TIMEOUT = Duration.ofSeconds(60);
    static final List<String> SETTINGS = List.of("statement_timeout", "idle_in_transaction_session_timeout");

    private final JdbcTemplate jdbc;

    SessionTimeoutsCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAboutUnboundedTransactions() {
        try {
            currentProblems().forEach(log::warn);
        } catch (DataAccessException e) {
            log.warn("Could not read the database session timeouts: {}", e.toString());
        }
    }

    /** The problems of the settings a pooled session of this service has. */
    List<String> currentProblems() {
        Map<String, Long> millis = new TreeMap<>();
        // pg_settings shows this session's values, in milliseconds for both
        jdbc.query("SELECT name, setting::bigint FROM pg_settings WHERE name IN (?, ?)",
                   row -> {
                       millis.put(row.getString(1), row.getLong(2));
                   }, SETTINGS.get(0), SETTINGS.get(1));
        return problems(millis);
    }

    /** One warning per setting that lets a transaction outlive the readers' gapTimeout. */
    static List<String> problems(Map<String, Long> millisBySetting) {
        List<String> problems = new ArrayList<>();
        for (String setting : SETTINGS) {
            Long millis = millisBySetting.get(setting);
            if (millis == null) {
                continue;
            }
            if (millis == 0) {
                problems.add(setting + " is off: a transaction that appended an event could commit after "
                             + "the event readers stopped waiting for it (gapTimeout " + READERS_GAP_TIMEOUT.toSeconds()
                             + " s), and the event would never be projected; set minkshop.database.* well below it");
            } else if (millis >= READERS_GAP_TIMEOUT.toMillis()) {
                problems.add(setting + " is " + millis / 1000 + " s, not below the event readers' gapTimeout ("
                             + READERS_GAP_TIMEOUT.toSeconds() + " s): an event committed that late would never be "
                             + "projected; set minkshop.database.* well below it");
            }
        }
        return problems;
    }
}
