package com.minkshop.command.product;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

final class ProductDiscontinuedException extends DomainException {

    ProductDiscontinuedException(String productId) {
        super(ErrorCode.PRODUCT_DISCONTINUED, "product " + productId + " is discontinued");
    }
}
