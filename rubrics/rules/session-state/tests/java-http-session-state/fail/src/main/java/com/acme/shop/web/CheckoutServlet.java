package com.acme.shop.web;

import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

public class CheckoutServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HttpSession httpSession = req.getSession();
        // ruleid: java-http-session-state
        httpSession.setAttribute("lastOrder", req.getParameter("order"));
        // ruleid: java-http-session-state
        httpSession.putValue("step", "done");
        resp.sendRedirect("/thanks");
    }
}
