package com.acme.shop.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import com.acme.shop.common.BusinessRuleException;
import com.acme.shop.orders.Order;

@Entity
@Table(name = "invoices")
public class Invoice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "invoice_number", nullable = false, unique = true, length = 30)
    private String invoiceNumber;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, unique = true)
    private Order order;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private InvoiceStatus status = InvoiceStatus.OPEN;

    @Column(name = "net_amount", nullable = false, precision = 12, scale = 2)
    private BigDecimal netAmount = BigDecimal.ZERO;

    @Column(name = "vat_amount", nullable = false, precision = 12, scale = 2)
    private BigDecimal vatAmount = BigDecimal.ZERO;

    @Column(name = "gross_amount", nullable = false, precision = 12, scale = 2)
    private BigDecimal grossAmount = BigDecimal.ZERO;

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(nullable = false)
    private boolean archived;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {
        // for JPA
    }

    public Invoice(String invoiceNumber, Order order, LocalDate issuedOn, LocalDate dueOn) {
        this.invoiceNumber = invoiceNumber;
        this.order = order;
        this.issuedOn = issuedOn;
        this.dueOn = dueOn;
    }

    void addLine(InvoiceLine line) {
        line.attachTo(this);
        lines.add(line);
        netAmount = netAmount.add(line.getLineTotal());
    }

    void applyVat(BigDecimal vatRate) {
        vatAmount = netAmount.multiply(vatRate).setScale(2, java.math.RoundingMode.HALF_UP);
        grossAmount = netAmount.add(vatAmount);
    }

    void markPaid() {
        if (status == InvoiceStatus.CANCELLED) {
            throw new BusinessRuleException("Invoice " + invoiceNumber + " is cancelled");
        }
        status = InvoiceStatus.PAID;
    }

    void markOverdue() {
        if (status == InvoiceStatus.OPEN) {
            status = InvoiceStatus.OVERDUE;
        }
    }

    void cancel() {
        if (status == InvoiceStatus.PAID) {
            throw new BusinessRuleException("Invoice " + invoiceNumber + " is already paid; issue a credit note");
        }
        status = InvoiceStatus.CANCELLED;
    }

    void markArchived() {
        archived = true;
    }

    public Long getId() {
        return id;
    }

    public String getInvoiceNumber() {
        return invoiceNumber;
    }

    public Order getOrder() {
        return order;
    }

    public InvoiceStatus getStatus() {
        return status;
    }

    public BigDecimal getNetAmount() {
        return netAmount;
    }

    public BigDecimal getVatAmount() {
        return vatAmount;
    }

    public BigDecimal getGrossAmount() {
        return grossAmount;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public boolean isArchived() {
        return archived;
    }

    public List<InvoiceLine> getLines() {
        return Collections.unmodifiableList(lines);
    }
}
