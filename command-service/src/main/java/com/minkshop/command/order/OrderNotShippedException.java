package com.minkshop.command.order;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

final class OrderNotShippedException extends DomainException {

    OrderNotShippedException(String orderId, OrderStatus status) {
        super(ErrorCode.ORDER_NOT_SHIPPED, "order " + orderId + " not shipped (status: " + status.code() + ")");
    }
}
