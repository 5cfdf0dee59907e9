package com.minkshop.command.cart;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

final class CartAlreadyCheckedOutException extends DomainException {

    CartAlreadyCheckedOutException(String cartId) {
        super(ErrorCode.CART_ALREADY_CHECKED_OUT, "cart " + cartId + " already checked out");
    }
}
