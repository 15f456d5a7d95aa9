package com.acme.shop.jobs;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
public class NightlyJobs {

    private final InvoiceService invoices;

    public NightlyJobs(InvoiceService invoices) {
        this.invoices = invoices;
    }

    // ruleid: java-scheduled-task
    @Scheduled(cron = "0 0 2 * * *")
    public void closeDay() {
        invoices.closeDay();
    }

    // ruleid: java-scheduled-task
    @Scheduled(fixedDelay = 60_000, initialDelay = 10_000)
    public void retryPayments() {
        invoices.retryFailed();
    }

    interface InvoiceService {
        void closeDay();

        void retryFailed();
    }
}
