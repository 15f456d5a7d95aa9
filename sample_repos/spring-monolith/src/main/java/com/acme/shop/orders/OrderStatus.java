package com.acme.shop.orders;

public enum OrderStatus {
    PLACED,
    INVOICED,
    SHIPPED,
    CANCELLED
}
