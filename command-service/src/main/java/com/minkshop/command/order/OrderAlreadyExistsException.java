package com.minkshop.command.order;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

final class OrderAlreadyExistsException extends DomainException {

    OrderAlreadyExistsException(String orderId) {
        super(ErrorCode.ORDER_ALREADY_EXISTS, "order " + orderId + " already exists");
    }
}
