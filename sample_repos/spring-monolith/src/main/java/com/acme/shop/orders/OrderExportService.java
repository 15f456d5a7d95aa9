package com.acme.shop.orders;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the order CSV for finance. Exports can span a whole quarter, so rows are spooled to a
 * temporary file instead of being held in memory; the controller deletes it after streaming.
 */
@Service
public class OrderExportService {

    private static final Logger log = LoggerFactory.getLogger(OrderExportService.class);
    private static final String HEADER = "order_number,placed_at,customer_email,status,sku,quantity,unit_price";

    private final OrderRepository orders;

    public OrderExportService(OrderRepository orders) {
        this.orders = orders;
    }

    @Transactional(readOnly = true)
    public Path exportPlacedBetween(LocalDate from, LocalDate to) throws IOException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' must not be before 'from'");
        }
        List<Order> placed = orders.findPlacedBetween(from.atStartOfDay(), to.plusDays(1).atStartOfDay());

        Path tempFile = Files.createTempFile("orders-export-", ".csv");
        try (BufferedWriter writer = Files.newBufferedWriter(tempFile, StandardCharsets.UTF_8)) {
            writer.write(HEADER);
            writer.newLine();
            for (Order order : placed) {
                for (OrderLine line : order.getLines()) {
                    writer.write(String.join(",",
                            order.getOrderNumber(),
                            order.getPlacedAt().toString(),
                            csv(order.getCustomerEmail()),
                            order.getStatus().name(),
                            csv(line.getProduct().getSku()),
                            Integer.toString(line.getQuantity()),
                            line.getUnitPrice().toPlainString()));
                    writer.newLine();
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tempFile);
            throw e;
        }
        log.info("Exported {} orders placed between {} and {}", placed.size(), from, to);
        return tempFile;
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
