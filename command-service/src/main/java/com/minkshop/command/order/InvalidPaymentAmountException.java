package com.minkshop.command.order;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.api.common.Money;
import com.minkshop.command.common.DomainException;

final class InvalidPaymentAmountException extends DomainException {

    InvalidPaymentAmountException(String orderId, Money amount, Money due) {
        super(ErrorCode.INVALID_PAYMENT_AMOUNT,
              "invalid payment amount for order " + orderId + ": paid " + amount + ", due " + due);
    }
}
