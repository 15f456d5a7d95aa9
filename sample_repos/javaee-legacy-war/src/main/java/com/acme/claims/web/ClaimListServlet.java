package com.acme.claims.web;

import java.io.IOException;
import java.util.List;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

import com.acme.claims.dao.ClaimDao;
import com.acme.claims.model.Claim;

/**
 * Work list of claims. The status filter is remembered for the rest of the session so that
 * adjusters return to the same view after opening a claim.
 */
public class ClaimListServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String FILTER_KEY = "claimStatusFilter";

    private final ClaimDao claimDao = new ClaimDao();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        HttpSession session = request.getSession();
        String status = request.getParameter("status");
        if (status != null) {
            session.setAttribute(FILTER_KEY, status.isEmpty() ? null : status);
        } else {
            status = (String) session.getAttribute(FILTER_KEY);
        }

        List<Claim> claims = claimDao.findByStatus(status == null || status.isEmpty() ? null : status);
        request.setAttribute("claims", claims);
        request.setAttribute("statusFilter", status);
        request.getRequestDispatcher("/WEB-INF/jsp/claims.jsp").forward(request, response);
    }
}
