package com.minkshop.command.order;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

final class OrderNotPendingException extends DomainException {

    OrderNotPendingException(String orderId, OrderStatus status) {
        super(ErrorCode.ORDER_NOT_PENDING, "order " + orderId + " not pending (status: " + status.code() + ")");
    }
}
