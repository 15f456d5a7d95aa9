package com.acme.shop.reports;

import java.io.BufferedWriter;
import java.io.File;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

public class ReportExporter {

    private final Path exportDir = Paths.get("/var/data/exports");

    public void exportCsv(String name, List<String> rows) throws IOException {
        // ruleid: java-local-file-write
        Files.createDirectories(exportDir);
        // ruleid: java-local-file-write
        try (BufferedWriter out = new BufferedWriter(new FileWriter(exportDir.resolve(name).toFile()))) {
            for (String row : rows) {
                out.write(row);
                out.newLine();
            }
        }
    }

    public void exportJson(String name, String json) throws IOException {
        // ruleid: java-local-file-write
        Files.writeString(exportDir.resolve(name + ".json"), json, StandardCharsets.UTF_8);
    }

    public void saveTemplate(String name, String html) throws IOException {
        Path templateDir = exportDir.resolve("templates");
        // ruleid: java-local-file-write
        Files.writeString(templateDir.resolve(name), html);
    }

    public void archive(Path source) throws IOException {
        Path target = exportDir.resolve("archive").resolve(source.getFileName());
        // ruleid: java-local-file-write
        Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }

    public void savePdf(String name, byte[] pdf) throws IOException {
        // ruleid: java-local-file-write
        try (FileOutputStream fos = new FileOutputStream(new File("reports", name))) {
            fos.write(pdf);
        }
    }

    public void writeSummary(File summaryFile, String text) throws IOException {
        // ruleid: java-local-file-write
        try (PrintWriter pw = new PrintWriter(summaryFile, "UTF-8")) {
            pw.println(text);
        }
    }

    public void patchIndex(File index, long offset, int value) throws IOException {
        // ruleid: java-local-file-write
        try (RandomAccessFile raf = new RandomAccessFile(index, "rw")) {
            raf.seek(offset);
            raf.writeInt(value);
        }
    }

    public void storeUpload(MultipartFile upload) throws IOException {
        // ruleid: java-local-file-write
        upload.transferTo(new File("uploads", upload.getOriginalFilename()));
    }
}
