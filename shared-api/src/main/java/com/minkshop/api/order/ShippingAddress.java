package com.minkshop.api.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Where an order is delivered.
 */
public record ShippingAddress(@Size(max = 200, message = "name must be at most 200 characters") String name,
                              @NotBlank(message = "street is required")
                              @Size(max = 200, message = "street must be at most 200 characters") String street,
                              @NotBlank(message = "city is required")
                              @Size(max = 100, message = "city must be at most 100 characters") String city,
                              @Size(max = 100, message = "state must be at most 100 characters") String state,
                              @Size(max = 20, message = "postal code must be at most 20 characters") String postalCode,
                              @Size(max = 100, message = "country must be at most 100 characters") String country) {
}
