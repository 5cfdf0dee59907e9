package com.minkshop.command.order;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

final class OrderNotConfirmedException extends DomainException {

    OrderNotConfirmedException(String orderId, OrderStatus status) {
        super(ErrorCode.ORDER_NOT_CONFIRMED, "order " + orderId + " not confirmed (status: " + status.code() + ")");
    }
}
