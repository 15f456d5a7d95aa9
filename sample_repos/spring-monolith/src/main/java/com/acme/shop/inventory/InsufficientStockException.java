package com.acme.shop.inventory;

import com.acme.shop.common.BusinessRuleException;

public class InsufficientStockException extends BusinessRuleException {

    public InsufficientStockException(String sku, int requested, int available) {
        super("Insufficient stock for " + sku + ": requested " + requested + ", available " + available);
    }
}
