package com.acme.shop.common;

/**
 * A request that is well-formed but violates a business rule (cancelling a shipped order,
 * paying a cancelled invoice, ...). Mapped to HTTP 409.
 */
public class BusinessRuleException extends RuntimeException {

    public BusinessRuleException(String message) {
        super(message);
    }
}
