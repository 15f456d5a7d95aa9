package com.acme.render;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Renders pages into a scratch folder made with Files.createTempDirectory. */
class PageRenderer {
    void render(byte[] pdf) throws IOException {
        Path workDir = Files.createTempDirectory("render");
        Path page = workDir.resolve("page.pdf");
        Files.write(page, pdf);
        try (FileOutputStream out = new FileOutputStream(page.toFile())) {
            out.write(pdf);
        }
    }
}
