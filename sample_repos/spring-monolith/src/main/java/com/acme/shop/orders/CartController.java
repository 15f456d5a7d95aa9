package com.acme.shop.orders;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.acme.shop.common.BusinessRuleException;

/**
 * Session-backed shopping cart used by the storefront pages. The cart only exists in the
 * servlet container's session of the node that served the visitor.
 */
@RestController
@RequestMapping("/api/cart")
public class CartController {

    static final String CART_ATTRIBUTE = "shop.cart";

    private final OrderService orderService;

    public CartController(OrderService orderService) {
        this.orderService = orderService;
    }

    public record CartItem(@NotNull Long productId, @Min(1) int quantity) {
    }

    public record CartView(Map<Long, Integer> items, int itemCount) {
    }

    public record Checkout(@NotBlank String customerEmail, @NotBlank String customerName,
                           @NotBlank String shippingAddress) {
    }

    @GetMapping
    public CartView view(HttpSession session) {
        return toView(currentCart(session));
    }

    @PostMapping("/items")
    public CartView add(@Valid @RequestBody CartItem item, HttpSession session) {
        ShoppingCart cart = currentCart(session);
        cart.add(item.productId(), item.quantity());
        return toView(cart);
    }

    @PutMapping("/items/{productId}")
    public CartView update(@PathVariable Long productId, @Valid @RequestBody CartItem item, HttpSession session) {
        ShoppingCart cart = currentCart(session);
        cart.update(productId, item.quantity());
        return toView(cart);
    }

    @DeleteMapping("/items/{productId}")
    public CartView remove(@PathVariable Long productId, HttpSession session) {
        ShoppingCart cart = currentCart(session);
        cart.remove(productId);
        return toView(cart);
    }

    @PostMapping("/checkout")
    @ResponseStatus(HttpStatus.CREATED)
    public OrderResponse checkout(@Valid @RequestBody Checkout checkout, HttpSession session) {
        ShoppingCart cart = currentCart(session);
        if (cart.isEmpty()) {
            throw new BusinessRuleException("The cart is empty");
        }
        List<PlaceOrderRequest.Line> lines = cart.getQuantities().entrySet().stream()
                .map(e -> new PlaceOrderRequest.Line(e.getKey(), e.getValue()))
                .toList();
        Order order = orderService.placeOrder(new PlaceOrderRequest(checkout.customerEmail(),
                checkout.customerName(), checkout.shippingAddress(), lines));
        session.removeAttribute(CART_ATTRIBUTE);
        return OrderResponse.from(order);
    }

    private static ShoppingCart currentCart(HttpSession session) {
        ShoppingCart cart = (ShoppingCart) session.getAttribute(CART_ATTRIBUTE);
        if (cart == null) {
            cart = new ShoppingCart();
            session.setAttribute(CART_ATTRIBUTE, cart);
        }
        return cart;
    }

    private static CartView toView(ShoppingCart cart) {
        return new CartView(cart.getQuantities(), cart.itemCount());
    }
}
