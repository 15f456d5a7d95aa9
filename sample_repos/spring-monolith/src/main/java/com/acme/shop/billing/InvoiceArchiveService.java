package com.acme.shop.billing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Keeps a copy of every closed invoice for ten years, as required by the tax office. Documents
 * are stored by year under the archive directory, which is backed up by the operations team.
 */
@Service
public class InvoiceArchiveService {

    private static final Logger log = LoggerFactory.getLogger(InvoiceArchiveService.class);

    private final Path archiveRoot;
    private final InvoiceDocumentRenderer renderer;

    public InvoiceArchiveService(@Value("${shop.billing.archive-dir}") String archiveDir,
                                 InvoiceDocumentRenderer renderer) {
        this.archiveRoot = Paths.get(archiveDir);
        this.renderer = renderer;
    }

    /**
     * Writes the invoice document to {@code <archive>/<year>/<invoice number>.txt} and returns
     * its path. An existing document is overwritten: the latest status wins.
     */
    public Path archive(Invoice invoice) {
        Path yearDirectory = archiveRoot.resolve(String.valueOf(invoice.getIssuedOn().getYear()));
        Path document = yearDirectory.resolve(invoice.getInvoiceNumber() + ".txt");
        try {
            Files.createDirectories(yearDirectory);
            Files.write(document, renderer.render(invoice).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not archive invoice " + invoice.getInvoiceNumber(), e);
        }
        // The CSV ledger below was replaced by the per-invoice documents in 2022; finance still
        // asks about it now and then, so the old code stays here for reference.
        // try (FileWriter ledger = new FileWriter(archiveRoot.resolve("ledger.csv").toFile(), true)) {
        //     ledger.write(invoice.getInvoiceNumber() + "," + invoice.getGrossAmount() + "\n");
        // }
        log.debug("Archived invoice {} to {}", invoice.getInvoiceNumber(), document);
        return document;
    }
}
