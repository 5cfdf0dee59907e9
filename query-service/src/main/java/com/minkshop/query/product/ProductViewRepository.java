package com.minkshop.query.product;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ProductViewRepository extends JpaRepository<ProductView, String>, JpaSpecificationExecutor<ProductView> {
}
