package com.minkshop.command.order;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

final class OrderCancelledException extends DomainException {

    OrderCancelledException(String orderId) {
        super(ErrorCode.ORDER_CANCELLED, "order " + orderId + " is cancelled");
    }
}
