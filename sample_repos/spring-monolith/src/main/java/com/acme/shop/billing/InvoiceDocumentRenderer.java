package com.acme.shop.billing;

import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import com.acme.shop.orders.Order;

/**
 * Renders the plain-text invoice document that is archived for the tax auditors.
 */
@Component
public class InvoiceDocumentRenderer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final String RULE = "-".repeat(72);

    public String render(Invoice invoice) {
        Order order = invoice.getOrder();
        StringBuilder doc = new StringBuilder(2048);
        doc.append("ACME SHOP GMBH - INVOICE ").append(invoice.getInvoiceNumber()).append('\n');
        doc.append(RULE).append('\n');
        doc.append("Order:      ").append(order.getOrderNumber()).append('\n');
        doc.append("Customer:   ").append(order.getCustomerName())
                .append(" <").append(order.getCustomerEmail()).append(">\n");
        doc.append("Ship to:    ").append(order.getShippingAddress().replace('\n', ' ')).append('\n');
        doc.append("Issued on:  ").append(DATE.format(invoice.getIssuedOn())).append('\n');
        doc.append("Due on:     ").append(DATE.format(invoice.getDueOn())).append('\n');
        doc.append("Status:     ").append(invoice.getStatus()).append('\n');
        doc.append(RULE).append('\n');
        for (InvoiceLine line : invoice.getLines()) {
            doc.append(String.format("%-46s %5d x %8s = %10s%n", truncate(line.getDescription(), 46),
                    line.getQuantity(), line.getUnitPrice().toPlainString(), line.getLineTotal().toPlainString()));
        }
        doc.append(RULE).append('\n');
        doc.append(String.format("%61s %10s%n", "Net:", invoice.getNetAmount().toPlainString()));
        doc.append(String.format("%61s %10s%n", "VAT:", invoice.getVatAmount().toPlainString()));
        doc.append(String.format("%61s %10s%n", "Total:", invoice.getGrossAmount().toPlainString()));
        return doc.toString();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "~";
    }
}
