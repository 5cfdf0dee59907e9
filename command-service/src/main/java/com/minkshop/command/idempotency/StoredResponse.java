package com.minkshop.command.idempotency;

/**
 * The first outcome of a request sent with an idempotency key, as its retries get it again.
 *
 * @param fingerprint the request's {@link RequestFingerprint}
 * @param location    the {@code Location} header of a creation, else null
 * @param body        the JSON body exactly as it was sent
 */
public record StoredResponse(String fingerprint, int status, String location, String body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
