package com.acme.shop.orders;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

public record OrderResponse(
        Long id,
        String orderNumber,
        String customerEmail,
        OrderStatus status,
        BigDecimal totalAmount,
        LocalDateTime placedAt,
        List<LineResponse> lines) {

    public record LineResponse(String sku, String name, int quantity, BigDecimal unitPrice) {
    }

    public static OrderResponse from(Order order) {
        List<LineResponse> lines = order.getLines().stream()
                .map(l -> new LineResponse(l.getProduct().getSku(), l.getProduct().getName(),
                        l.getQuantity(), l.getUnitPrice()))
                .toList();
        return new OrderResponse(order.getId(), order.getOrderNumber(), order.getCustomerEmail(),
                order.getStatus(), order.getTotalAmount(), order.getPlacedAt(), lines);
    }
}
