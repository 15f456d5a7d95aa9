package com.acme.claims.web;

import java.io.IOException;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import org.apache.log4j.Logger;

import com.acme.claims.dao.UserDao;
import com.acme.claims.model.User;

public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LoginServlet.class);

    static final String USER_KEY = "currentUser";

    private final UserDao userDao = new UserDao();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.getRequestDispatcher("/WEB-INF/jsp/login.jsp").forward(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String login = request.getParameter("login");
        String passPhrase = request.getParameter("password");
        if (login == null || passPhrase == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }

        User user = userDao.authenticate(login.trim(), passPhrase.toCharArray());
        if (user == null) {
            LOG.warn("Failed login for " + login);
            request.setAttribute("loginError", "Unknown user or wrong password");
            request.getRequestDispatcher("/WEB-INF/jsp/login.jsp").forward(request, response);
            return;
        }

        // Start a fresh session so that a session id planted before login cannot be reused.
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(USER_KEY, user);
        LOG.info("User " + user.getLogin() + " logged in");
        response.sendRedirect(request.getContextPath() + "/claims/list");
    }
}
