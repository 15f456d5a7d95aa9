package com.acme.claims.web;

import java.io.File;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.text.SimpleDateFormat;
import java.util.Date;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.Part;

import org.apache.log4j.Logger;

import com.acme.claims.model.User;

/**
 * Stores documents (photos, repair estimates) attached to a claim. Files are kept on the
 * server's disk under {@value #UPLOAD_ROOT}/&lt;claim id&gt;/ and listed in an audit file.
 */
public class AttachmentUploadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AttachmentUploadServlet.class);

    static final String UPLOAD_ROOT = "/var/app/uploads";
    private static final int BUFFER_SIZE = 8192;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        User user = (User) request.getSession().getAttribute(LoginServlet.USER_KEY);
        long claimId = Long.parseLong(request.getParameter("claimId"));
        Part part = request.getPart("document");
        if (part == null || part.getSize() == 0) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "No document uploaded");
            return;
        }

        File claimDir = new File(UPLOAD_ROOT, String.valueOf(claimId));
        if (!claimDir.isDirectory() && !claimDir.mkdirs()) {
            throw new IOException("Cannot create " + claimDir);
        }
        String fileName = safeFileName(part.getSubmittedFileName());
        File target = new File(claimDir, fileName);

        InputStream in = part.getInputStream();
        OutputStream out = new FileOutputStream(target);
        try {
            byte[] buffer = new byte[BUFFER_SIZE];
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
            }
        } finally {
            out.close();
            in.close();
        }

        PrintWriter audit = new PrintWriter(new FileWriter(new File(UPLOAD_ROOT, "upload-audit.log"), true));
        try {
            audit.println(new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date()) + ";" + user.getLogin()
                    + ";" + claimId + ";" + fileName + ";" + part.getSize());
        } finally {
            audit.close();
        }

        LOG.info("Stored attachment " + target + " (" + part.getSize() + " bytes)");
        response.sendRedirect(request.getContextPath() + "/claims/claim?id=" + claimId);
    }

    /** Keeps letters, digits, dots, dashes and underscores; never lets a path through. */
    static String safeFileName(String submitted) {
        String name = submitted == null ? "document" : new File(submitted).getName();
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.startsWith(".") ? "_" + name : name;
    }
}
