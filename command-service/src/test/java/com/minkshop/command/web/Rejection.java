package com.minkshop.command.web;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

/** A broken business rule with any code, so web tests need not know the aggregates' exception classes. */
public final class Rejection extends DomainException {

    public Rejection(ErrorCode code, String message) {
        super(code, message);
    }
}
