package com.acme.shop.orders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
public class OrderController {

    private final OrderService orderService;
    private final OrderExportService exportService;

    public OrderController(OrderService orderService, OrderExportService exportService) {
        this.orderService = orderService;
        this.exportService = exportService;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public OrderResponse place(@Valid @RequestBody PlaceOrderRequest request) {
        return OrderResponse.from(orderService.placeOrder(request));
    }

    @GetMapping("/{orderId}")
    public OrderResponse get(@PathVariable Long orderId) {
        return OrderResponse.from(orderService.get(orderId));
    }

    @GetMapping
    public List<OrderResponse> forCustomer(@RequestParam String customerEmail) {
        return orderService.forCustomer(customerEmail).stream().map(OrderResponse::from).toList();
    }

    @PostMapping("/{orderId}/cancellation")
    public OrderResponse cancel(@PathVariable Long orderId) {
        return OrderResponse.from(orderService.cancel(orderId));
    }

    @PostMapping("/{orderId}/shipment")
    public OrderResponse ship(@PathVariable Long orderId) {
        return OrderResponse.from(orderService.ship(orderId));
    }

    /**
     * CSV export for the finance team. The file is spooled by {@link OrderExportService} and
     * removed as soon as the response stream is closed.
     */
    @GetMapping(value = "/export", produces = "text/csv")
    public ResponseEntity<InputStreamResource> export(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) throws IOException {
        Path csv = exportService.exportPlacedBetween(from, to);
        InputStream body = Files.newInputStream(csv, StandardOpenOption.DELETE_ON_CLOSE);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=orders-" + from + "-" + to + ".csv")
                .contentType(MediaType.parseMediaType("text/csv"))
                .body(new InputStreamResource(body));
    }
}
