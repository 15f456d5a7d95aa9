package com.acme.shop.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    Optional<Invoice> findByOrderId(Long orderId);

    Optional<Invoice> findByInvoiceNumber(String invoiceNumber);

    List<Invoice> findByStatusAndDueOnBefore(InvoiceStatus status, LocalDate date);

    List<Invoice> findByStatusOrderByDueOnAsc(InvoiceStatus status);

    @Query("select i from Invoice i where i.archived = false and i.status in ('PAID', 'CANCELLED')")
    List<Invoice> findClosedNotArchived();

    @Query(value = "select count(*) from invoices where issued_on >= date_trunc('year', current_date)",
            nativeQuery = true)
    long countIssuedThisYear();
}
