package com.acme.shop.common;

/**
 * Thrown when a requested aggregate does not exist. Mapped to HTTP 404 by {@link ApiExceptionHandler}.
 */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String resource, Object id) {
        super(resource + " " + id + " not found");
    }
}
