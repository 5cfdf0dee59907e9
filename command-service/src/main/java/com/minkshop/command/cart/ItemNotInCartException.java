package com.minkshop.command.cart;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

final class ItemNotInCartException extends DomainException {

    ItemNotInCartException(String cartId, String productId) {
        super(ErrorCode.ITEM_NOT_IN_CART, "item " + productId + " not in cart " + cartId);
    }
}
