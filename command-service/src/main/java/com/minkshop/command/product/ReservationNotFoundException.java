package com.minkshop.command.product;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

final class ReservationNotFoundException extends DomainException {

    ReservationNotFoundException(String productId, String orderId) {
        super(ErrorCode.RESERVATION_NOT_FOUND,
              "reservation not found for order " + orderId + " on product " + productId);
    }
}
