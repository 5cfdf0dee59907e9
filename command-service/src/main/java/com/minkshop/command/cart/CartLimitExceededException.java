package com.minkshop.command.cart;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

final class CartLimitExceededException extends DomainException {

    CartLimitExceededException(String cartId, String limit) {
        super(ErrorCode.CART_LIMIT_EXCEEDED, "cart " + cartId + " cannot take more: " + limit);
    }
}
