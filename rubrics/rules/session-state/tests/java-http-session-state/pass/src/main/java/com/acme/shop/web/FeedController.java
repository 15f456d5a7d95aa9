package com.acme.shop.web;

import javax.servlet.ServletContext;
import javax.servlet.http.HttpServletRequest;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

public class FeedController {

    // session.setAttribute("cart", cart);
    /*
     * Before the move to tokens:
     * request.getSession().setAttribute("user", user);
     */

    public Element item(Document doc, String id) {
        Element item = doc.createElement("item");
        // a DOM element, not an HttpSession
        item.setAttribute("id", id);
        return item;
    }

    public Object forward(HttpServletRequest request, ServletContext context) {
        request.setAttribute("title", "Orders");
        context.setAttribute("startedAt", System.currentTimeMillis());
        return request.getSession().getAttribute("user");
    }
}
