package com.acme;
import java.io.File;
@MultipartConfig(maxFileSize = 10485760)
public class UploadServlet {
    void init(DiskFileItemFactory factory) {
        factory.setRepository(new File(System.getProperty("java.io.tmpdir")));
    }
}
