package com.minkshop.command.product;

import com.minkshop.api.common.ErrorCode;
import com.minkshop.command.common.DomainException;

final class ProductAlreadyExistsException extends DomainException {

    ProductAlreadyExistsException(String productId) {
        super(ErrorCode.PRODUCT_ALREADY_EXISTS, "product " + productId + " already exists");
    }
}
