package com.acme.shop.billing;

public enum InvoiceStatus {
    OPEN,
    PAID,
    OVERDUE,
    CANCELLED
}
