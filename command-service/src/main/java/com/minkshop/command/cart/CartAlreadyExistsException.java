package com.minkshop.command.cart;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

final class CartAlreadyExistsException extends DomainException {

    CartAlreadyExistsException(String cartId) {
        super(ErrorCode.CART_ALREADY_EXISTS, "cart " + cartId + " already exists");
    }
}
