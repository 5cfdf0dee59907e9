package com.minkshop.api.common;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a client's request to every command, event and log line it causes, in both services.
 * <p>
 * A caller may send its own in {@value #HEADER} (1–64 characters of {@code [A-Za-z0-9._:-]}, the same alphabet as
 * entity ids, so it is safe in headers, logs and JSON); anything else is replaced by a new UUID. It travels in
 * message metadata under {@value #METADATA_KEY} and in the logging MDC under {@value #MDC_KEY}.
 */
public final class CorrelationId {

    /** Request and response header. */
    public static final String HEADER = "X-Correlation-Id";
    /** Key in the metadata of commands, events and deadlines; copied from each message to the ones it causes. */
    public static final String METADATA_KEY = "correlationId";
    /** Key in the logging MDC (the log pattern prints it). */
    public static final String MDC_KEY = "correlationId";
    /** Property of every problem+json body. */
    public static final String PROBLEM_PROPERTY = "correlationId";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private CorrelationId() {
    }

    public static boolean isValid(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches();
    }

    /** The caller's id when it is valid, otherwise a new random one. */
    public static String acceptOrCreate(String candidate) {
        return isValid(candidate) ? candidate : UUID.randomUUID().toString();
    }
}
