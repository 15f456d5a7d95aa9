package com.acme.shop.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShoppingCartTest {

    @Test
    void addingTheSameProductTwiceAddsUpQuantities() {
        ShoppingCart cart = new ShoppingCart();
        cart.add(7L, 2);
        cart.add(7L, 3);
        assertEquals(5, cart.getQuantities().get(7L));
        assertEquals(5, cart.itemCount());
    }

    @Test
    void updatingToZeroRemovesTheProduct() {
        ShoppingCart cart = new ShoppingCart();
        cart.add(7L, 2);
        cart.update(7L, 0);
        assertTrue(cart.isEmpty());
    }

    @Test
    void rejectsNonPositiveQuantities() {
        ShoppingCart cart = new ShoppingCart();
        assertThrows(IllegalArgumentException.class, () -> cart.add(7L, 0));
    }
}
