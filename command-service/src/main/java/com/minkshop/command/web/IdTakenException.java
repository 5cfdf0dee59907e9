package com.minkshop.command.web;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

/**
 * A creation whose id already names a stream in the event store, possibly one of another aggregate type.
 */
final class IdTakenException extends DomainException {

    IdTakenException(ErrorCode code, String id) {
        super(code, "ID " + id + " is already in use");
    }
}
