package com.minkshop.command.common;

import com.minkshop.api.common.ErrorCode;

/**
 * A command broke a business rule. The error code is what clients see; the message is for people and logs.
 */
public abstract class DomainException extends RuntimeException {

    private final ErrorCode code;

    protected DomainException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
