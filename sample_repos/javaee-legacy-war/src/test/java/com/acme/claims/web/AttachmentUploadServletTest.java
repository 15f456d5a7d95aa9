package com.acme.claims.web;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class AttachmentUploadServletTest {

    @Test
    public void stripsDirectories() {
        assertEquals("passwd", AttachmentUploadServlet.safeFileName("../../etc/passwd"));
    }

    @Test
    public void replacesUnsafeCharacters() {
        assertEquals("repair_estimate__2_.pdf", AttachmentUploadServlet.safeFileName("repair estimate (2).pdf"));
    }

    @Test
    public void hidesDotFiles() {
        assertEquals("_.htaccess", AttachmentUploadServlet.safeFileName(".htaccess"));
    }

    @Test
    public void defaultsWhenNoNameIsSent() {
        assertEquals("document", AttachmentUploadServlet.safeFileName(null));
    }
}
