package com.minkshop.command.order;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

final class OrderNotPaidException extends DomainException {

    OrderNotPaidException(String orderId, OrderStatus status) {
        super(ErrorCode.ORDER_NOT_PAID, "order " + orderId + " not paid (status: " + status.code() + ")");
    }
}
