package com.minkshop.command.product;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

final class InsufficientStockException extends DomainException {

    InsufficientStockException(String productId, int requested, int available) {
        super(ErrorCode.INSUFFICIENT_STOCK,
              "insufficient stock for product " + productId + ": requested " + requested + ", available " + available);
    }
}
