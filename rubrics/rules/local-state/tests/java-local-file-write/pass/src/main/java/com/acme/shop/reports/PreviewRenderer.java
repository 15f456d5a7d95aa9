package com.acme.shop.reports;

import java.io.File;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import javax.servlet.http.HttpServletResponse;

public class PreviewRenderer {

    private final AuditLog auditLog;

    public PreviewRenderer(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    // Files.write(exportDir.resolve("preview.pdf"), pdf);
    /*
     * The old version kept previews on disk:
     * new FileWriter("preview.html");
     * Files.createDirectories(Paths.get("/var/data/previews"));
     */

    public Path renderToTemp(byte[] pdf) throws IOException {
        // ok: java-local-file-write
        Path preview = Files.write(Files.createTempFile("preview-", ".pdf"), pdf);
        Path tempDir = Paths.get(System.getProperty("java.io.tmpdir"), "previews");
        Files.createDirectories(tempDir);
        File tempFile = File.createTempFile("preview-", ".html");
        try (FileWriter writer = new FileWriter(tempFile)) {
            writer.write("<html></html>");
        }
        try (FileOutputStream fos = new FileOutputStream("/tmp/last-preview.pdf")) {
            fos.write(pdf);
        }
        Files.writeString(Paths.get(System.getProperty("java.io.tmpdir"), "last-run.txt"), "ok");
        return preview;
    }

    public String renderHtml(String body) {
        StringWriter buffer = new StringWriter();
        PrintWriter pw = new PrintWriter(buffer);
        pw.print(body);
        return buffer.toString();
    }

    public void stream(InputStream in, HttpServletResponse response) throws IOException {
        PrintWriter out = new PrintWriter(response.getWriter());
        out.flush();
        in.transferTo(response.getOutputStream());
    }

    public int readHeader(File index) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(index, "r")) {
            return raf.readInt();
        }
    }

    public byte[] load(Path path) throws IOException {
        File candidate = new File("reports", path.getFileName().toString());
        auditLog.write("read " + candidate.getName());
        String doc = "new FileWriter(\"report.csv\")";
        return Files.readAllBytes(path);
    }

    interface AuditLog {
        void write(String line);
    }
}
