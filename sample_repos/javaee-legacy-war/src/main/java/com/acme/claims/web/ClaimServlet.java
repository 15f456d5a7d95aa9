package com.acme.claims.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.log4j.Logger;

import com.acme.claims.dao.ClaimDao;
import com.acme.claims.model.Claim;
import com.acme.claims.model.User;

/**
 * Shows one claim (GET ?id=) and records a new one (POST).
 */
public class ClaimServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ClaimServlet.class);

    private final ClaimDao claimDao = new ClaimDao();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String id = request.getParameter("id");
        if (id == null) {
            request.getRequestDispatcher("/WEB-INF/jsp/claim-form.jsp").forward(request, response);
            return;
        }
        Claim claim = claimDao.findById(Long.parseLong(id));
        if (claim == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute("claim", claim);
        request.getRequestDispatcher("/WEB-INF/jsp/claim.jsp").forward(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        User user = (User) request.getSession().getAttribute(LoginServlet.USER_KEY);

        Claim claim = new Claim();
        claim.setPolicyNumber(request.getParameter("policyNumber"));
        claim.setClaimantName(request.getParameter("claimantName"));
        claim.setDescription(request.getParameter("description"));
        claim.setStatus(Claim.STATUS_NEW);
        claim.setCreatedBy(user.getId());
        try {
            claim.setIncidentDate(new SimpleDateFormat("yyyy-MM-dd").parse(request.getParameter("incidentDate")));
            claim.setAmountClaimed(new BigDecimal(request.getParameter("amountClaimed")));
        } catch (ParseException | NumberFormatException e) {
            request.setAttribute("formError", "Please check the incident date and the amount.");
            request.getRequestDispatcher("/WEB-INF/jsp/claim-form.jsp").forward(request, response);
            return;
        }
        claim.setClaimNumber(nextClaimNumber());

        long id = claimDao.insert(claim);
        LOG.info("Claim " + claim.getClaimNumber() + " recorded by " + user.getLogin());
        response.sendRedirect(request.getContextPath() + "/claims/claim?id=" + id);
    }

    private static String nextClaimNumber() {
        return "CL" + new SimpleDateFormat("yyyyMMddHHmmssSSS").format(new Date());
    }
}
