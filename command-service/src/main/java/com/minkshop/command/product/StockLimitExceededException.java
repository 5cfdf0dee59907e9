package com.minkshop.command.product;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

final class StockLimitExceededException extends DomainException {

    StockLimitExceededException(String productId, int adding, long onHand, int limit) {
        super(ErrorCode.STOCK_LIMIT_EXCEEDED,
              "product " + productId + " cannot take " + adding + " more units: it holds " + onHand
              + " (available and reserved), at most " + limit + " are allowed");
    }
}
