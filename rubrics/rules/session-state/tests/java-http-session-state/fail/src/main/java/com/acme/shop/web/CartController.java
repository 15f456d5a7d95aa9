package com.acme.shop.web;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
public class CartController {

    @PostMapping("/cart/add")
    public String add(@RequestParam String sku, HttpSession session) {
        Cart cart = (Cart) session.getAttribute("cart");
        if (cart == null) {
            cart = new Cart();
            // ruleid: java-http-session-state
            session.setAttribute("cart", cart);
        }
        cart.add(sku);
        return "redirect:/cart";
    }

    @PostMapping("/login")
    public String login(HttpServletRequest request, @RequestParam String user) {
        // ruleid: java-http-session-state
        request.getSession(true).setAttribute("user", user);
        return "redirect:/";
    }
}
