package com.acme.shop.billing;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nightly billing run: flags overdue invoices and archives closed ones. Runs in every instance
 * of the application; the shop has only ever run one.
 */
@Component
public class NightlyBillingJob {

    private static final Logger log = LoggerFactory.getLogger(NightlyBillingJob.class);

    private final BillingService billing;
    private final InvoiceArchiveService archive;

    public NightlyBillingJob(BillingService billing, InvoiceArchiveService archive) {
        this.billing = billing;
        this.archive = archive;
    }

    @Scheduled(cron = "${shop.billing.nightly-cron}", zone = "Europe/Berlin")
    public void run() {
        int overdue = billing.flagOverdueInvoices();
        log.info("Nightly billing: {} invoices became overdue", overdue);

        List<Invoice> closed = billing.closedInvoicesToArchive();
        int archived = 0;
        for (Invoice invoice : closed) {
            try {
                archive.archive(invoice);
                billing.markArchived(invoice.getId());
                archived++;
            } catch (RuntimeException e) {
                log.error("Nightly billing: archiving invoice {} failed", invoice.getInvoiceNumber(), e);
            }
        }
        log.info("Nightly billing: archived {} of {} closed invoices", archived, closed.size());
    }
}
