package com.minkshop.query.web;

import com.minkshop.api.common.ErrorCode;

/**
 * A requested product, cart or order is not (yet) in its view.
 */
public class ResourceNotFoundException extends RuntimeException {

    private final ErrorCode code;

    public ResourceNotFoundException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
