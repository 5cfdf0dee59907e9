package com.minkshop.command.cart;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

final class CartEmptyException extends DomainException {

    CartEmptyException(String cartId) {
        super(ErrorCode.CART_EMPTY, "cart " + cartId + " is empty");
    }
}
