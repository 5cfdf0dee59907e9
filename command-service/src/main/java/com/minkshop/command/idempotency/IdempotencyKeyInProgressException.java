package com.minkshop.command.idempotency;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

/**
 * Another request with the same key is running, or (on another instance) has just committed its outcome.
 */
public class IdempotencyKeyInProgressException extends DomainException {

    public static final String MESSAGE =
            "A request with this Idempotency-Key is still in progress; retry it later to get its outcome.";

    public IdempotencyKeyInProgressException() {
        super(ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS, MESSAGE);
    }
}
