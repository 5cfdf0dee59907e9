package com.minkshop.api.common;

import java.util.Map;

/**
 * What a successful command reports: the aggregate it touched, that aggregate's event count afterwards, and
 * command-specific data.
 */
public record CommandResult(String aggregateId, long version, Map<String, Object> data) {

    public CommandResult {
        data = data == null ? Map.of() : data;
    }

    public static CommandResult of(String aggregateId, long version) {
        return new CommandResult(aggregateId, version, Map.of());
    }
}
