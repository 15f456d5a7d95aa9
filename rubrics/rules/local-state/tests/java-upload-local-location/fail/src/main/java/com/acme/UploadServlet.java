package com.acme;
import javax.servlet.annotation.MultipartConfig;
import java.io.File;
// ruleid: java-upload-local-location
@MultipartConfig(location = "/srv/claims/attachments", maxFileSize = 10485760)
public class UploadServlet {
    void init(DiskFileItemFactory factory) {
        // ruleid: java-upload-local-location
        factory.setRepository(new File("/srv/claims/spool"));
    }
}
