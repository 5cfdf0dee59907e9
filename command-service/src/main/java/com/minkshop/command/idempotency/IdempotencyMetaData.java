package com.minkshop.command.idempotency;

import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a command carries its request's idempotency key from the REST layer to {@link IdempotencyInterceptor}.
 */
record IdempotencyMetaData(IdempotencyKey key, String fingerprint, int successStatus, String location) {

    private static final String KEY = "idempotencyKey";
    private static final String FINGERPRINT = "idempotencyFingerprint";
    private static final String STATUS = "idempotencyStatus";
    private static final String LOCATION = "idempotencyLocation";

    static Map<String, Object> of(IdempotencyKey key, String fingerprint, int successStatus, String location) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(KEY, key.value());
        metaData.put(FINGERPRINT, fingerprint);
        metaData.put(STATUS, successStatus);
        if (location != null) {
            metaData.put(LOCATION, location);
        }
        return metaData;
    }

    static Optional<IdempotencyMetaData> from(MetaData metaData) {
        if (!(metaData.get(KEY) instanceof String key)) {
            return Optional.empty();
        }
        return Optional.of(new IdempotencyMetaData(new IdempotencyKey(key), (String) metaData.get(FINGERPRINT),
                                                   ((Number) metaData.get(STATUS)).intValue(),
                                                   (String) metaData.get(LOCATION)));
    }
}
