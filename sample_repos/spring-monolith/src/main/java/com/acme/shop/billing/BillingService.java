package com.acme.shop.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.acme.shop.common.ResourceNotFoundException;
import com.acme.shop.orders.Order;
import com.acme.shop.orders.OrderLine;

/**
 * Invoicing and payment reconciliation.
 */
@Service
public class BillingService {

    private static final Logger log = LoggerFactory.getLogger(BillingService.class);

    private final InvoiceRepository invoices;
    private final PaymentRepository payments;
    private final Clock clock;
    private final int paymentTermsDays;
    private final BigDecimal vatRate;

    public BillingService(InvoiceRepository invoices, PaymentRepository payments, Clock clock,
                          @Value("${shop.billing.payment-terms-days:30}") int paymentTermsDays,
                          @Value("${shop.billing.vat-rate:0.19}") BigDecimal vatRate) {
        this.invoices = invoices;
        this.payments = payments;
        this.clock = clock;
        this.paymentTermsDays = paymentTermsDays;
        this.vatRate = vatRate;
    }

    /** Raises the invoice of a freshly placed order, inside the order's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Invoice createInvoice(Order order) {
        LocalDate today = LocalDate.now(clock);
        Invoice invoice = new Invoice(nextInvoiceNumber(today), order, today, today.plusDays(paymentTermsDays));
        for (OrderLine line : order.getLines()) {
            String description = line.getProduct().getSku() + " " + line.getProduct().getName();
            invoice.addLine(new InvoiceLine(line.getProduct(), description, line.getQuantity(), line.getUnitPrice()));
        }
        invoice.applyVat(vatRate);
        Invoice saved = invoices.save(invoice);
        log.info("Issued invoice {} for order {} ({} gross)", saved.getInvoiceNumber(),
                order.getOrderNumber(), saved.getGrossAmount());
        return saved;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void cancelInvoiceForOrder(Long orderId) {
        invoices.findByOrderId(orderId).ifPresent(Invoice::cancel);
    }

    @Transactional(readOnly = true)
    public Invoice get(Long invoiceId) {
        return invoices.findById(invoiceId).orElseThrow(() -> new ResourceNotFoundException("Invoice", invoiceId));
    }

    @Transactional
    public Payment recordPayment(Long invoiceId, BigDecimal amount, Payment.Method method, String reference) {
        Invoice invoice = get(invoiceId);
        Payment payment = payments.save(new Payment(invoice, amount, method, reference));
        BigDecimal paid = payments.totalPaid(invoiceId);
        if (paid.compareTo(invoice.getGrossAmount()) >= 0) {
            invoice.markPaid();
            log.info("Invoice {} settled", invoice.getInvoiceNumber());
        }
        return payment;
    }

    /** Flags every open invoice whose due date has passed. Returns how many were flagged. */
    @Transactional
    public int flagOverdueInvoices() {
        List<Invoice> overdue = invoices.findByStatusAndDueOnBefore(InvoiceStatus.OPEN, LocalDate.now(clock));
        overdue.forEach(Invoice::markOverdue);
        return overdue.size();
    }

    @Transactional(readOnly = true)
    public List<Invoice> overdueInvoices() {
        return invoices.findByStatusOrderByDueOnAsc(InvoiceStatus.OVERDUE);
    }

    @Transactional(readOnly = true)
    public List<Invoice> closedInvoicesToArchive() {
        return invoices.findClosedNotArchived();
    }

    @Transactional
    public void markArchived(Long invoiceId) {
        get(invoiceId).markArchived();
    }

    private String nextInvoiceNumber(LocalDate today) {
        return String.format("INV-%d-%06d", today.getYear(), invoices.countIssuedThisYear() + 1);
    }
}
