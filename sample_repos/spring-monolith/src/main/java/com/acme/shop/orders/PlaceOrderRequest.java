package com.acme.shop.orders;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

public record PlaceOrderRequest(
        @NotBlank @Email String customerEmail,
        @NotBlank String customerName,
        @NotBlank String shippingAddress,
        @NotEmpty List<@Valid Line> lines) {

    public record Line(@NotNull Long productId, @Min(1) int quantity) {
    }
}
