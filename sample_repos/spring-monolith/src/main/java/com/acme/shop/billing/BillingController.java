package com.acme.shop.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/invoices")
public class BillingController {

    private final BillingService billing;
    private final InvoiceDocumentRenderer renderer;

    public BillingController(BillingService billing, InvoiceDocumentRenderer renderer) {
        this.billing = billing;
        this.renderer = renderer;
    }

    public record InvoiceView(Long id, String invoiceNumber, String orderNumber, InvoiceStatus status,
                              BigDecimal grossAmount, LocalDate issuedOn, LocalDate dueOn) {

        static InvoiceView from(Invoice invoice) {
            return new InvoiceView(invoice.getId(), invoice.getInvoiceNumber(),
                    invoice.getOrder().getOrderNumber(), invoice.getStatus(), invoice.getGrossAmount(),
                    invoice.getIssuedOn(), invoice.getDueOn());
        }
    }

    public record PaymentRequest(@NotNull @DecimalMin("0.01") BigDecimal amount,
                                 @NotNull Payment.Method method, String reference) {
    }

    public record PaymentView(Long id, BigDecimal amount, Payment.Method method, LocalDateTime receivedAt) {
    }

    @GetMapping("/{invoiceId}")
    public InvoiceView get(@PathVariable Long invoiceId) {
        return InvoiceView.from(billing.get(invoiceId));
    }

    @GetMapping(value = "/{invoiceId}/document", produces = "text/plain")
    public String document(@PathVariable Long invoiceId) {
        return renderer.render(billing.get(invoiceId));
    }

    @PostMapping("/{invoiceId}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    public PaymentView pay(@PathVariable Long invoiceId, @Valid @RequestBody PaymentRequest request) {
        Payment payment = billing.recordPayment(invoiceId, request.amount(), request.method(), request.reference());
        return new PaymentView(payment.getId(), payment.getAmount(), payment.getMethod(), payment.getReceivedAt());
    }

    @GetMapping("/overdue")
    public List<InvoiceView> overdue() {
        return billing.overdueInvoices().stream().map(InvoiceView::from).toList();
    }
}
