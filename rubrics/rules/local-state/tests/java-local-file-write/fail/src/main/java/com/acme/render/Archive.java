package com.acme.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

class Archive {
    void keep(byte[] pdf) throws IOException {
        Path workDir = Files.createTempDirectory("render");
        Path archive = Paths.get("/srv/archive");
        Path page = archive.resolve("page.pdf");
        // ruleid: java-local-file-write
        Files.write(page, pdf);
    }
}
