package com.minkshop.command.order;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

final class OrderAlreadyShippedException extends DomainException {

    OrderAlreadyShippedException(String orderId) {
        super(ErrorCode.ORDER_ALREADY_SHIPPED, "order " + orderId + " already shipped");
    }
}
