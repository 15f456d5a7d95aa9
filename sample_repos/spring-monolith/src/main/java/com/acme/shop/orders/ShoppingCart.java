package com.acme.shop.orders;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The visitor's cart between page views: product id to quantity. Kept in the HTTP session and
 * turned into an order at checkout.
 */
public class ShoppingCart implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Map<Long, Integer> quantities = new LinkedHashMap<>();

    public void add(Long productId, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("Quantity must be positive");
        }
        quantities.merge(productId, quantity, Integer::sum);
    }

    public void update(Long productId, int quantity) {
        if (quantity <= 0) {
            quantities.remove(productId);
        } else {
            quantities.put(productId, quantity);
        }
    }

    public void remove(Long productId) {
        quantities.remove(productId);
    }

    public boolean isEmpty() {
        return quantities.isEmpty();
    }

    public int itemCount() {
        return quantities.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Map<Long, Integer> getQuantities() {
        return Collections.unmodifiableMap(quantities);
    }
}
