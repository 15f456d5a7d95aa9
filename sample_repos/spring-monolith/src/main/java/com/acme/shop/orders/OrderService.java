package com.acme.shop.orders;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.acme.shop.billing.BillingService;
import com.acme.shop.common.ResourceNotFoundException;
import com.acme.shop.inventory.InventoryService;
import com.acme.shop.inventory.Product;

/**
 * Order capture. Placing an order reserves stock and raises the invoice in the same database
 * transaction, which is why the three modules still share one schema.
 */
@Service
public class OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);
    private static final DateTimeFormatter NUMBER_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final OrderRepository orders;
    private final InventoryService inventory;
    private final BillingService billing;

    public OrderService(OrderRepository orders, InventoryService inventory, BillingService billing) {
        this.orders = orders;
        this.inventory = inventory;
        this.billing = billing;
    }

    @Transactional
    public Order placeOrder(PlaceOrderRequest request) {
        Order order = new Order(nextOrderNumber(), request.customerEmail(), request.customerName(),
                request.shippingAddress());

        Map<Long, Integer> quantities = new LinkedHashMap<>();
        for (PlaceOrderRequest.Line line : request.lines()) {
            Product product = inventory.product(line.productId());
            if (!product.isActive()) {
                throw new ResourceNotFoundException("Product", line.productId());
            }
            order.addLine(new OrderLine(product, line.quantity()));
            quantities.merge(product.getId(), line.quantity(), Integer::sum);
        }

        Order saved = orders.save(order);
        inventory.reserve(saved.getId(), quantities);
        billing.createInvoice(saved);
        saved.markInvoiced();

        log.info("Placed order {} for {} ({} lines, total {})", saved.getOrderNumber(),
                saved.getCustomerEmail(), saved.getLines().size(), saved.getTotalAmount());
        return saved;
    }

    @Transactional(readOnly = true)
    public Order get(Long orderId) {
        return orders.findById(orderId).orElseThrow(() -> new ResourceNotFoundException("Order", orderId));
    }

    @Transactional(readOnly = true)
    public List<Order> forCustomer(String customerEmail) {
        return orders.findByCustomerEmailOrderByPlacedAtDesc(customerEmail);
    }

    @Transactional
    public Order cancel(Long orderId) {
        Order order = get(orderId);
        order.cancel();
        inventory.releaseReservations(orderId);
        billing.cancelInvoiceForOrder(orderId);
        log.info("Cancelled order {}", order.getOrderNumber());
        return order;
    }

    @Transactional
    public Order ship(Long orderId) {
        Order order = get(orderId);
        order.markShipped();
        inventory.shipReservations(orderId);
        return order;
    }

    private String nextOrderNumber() {
        return "SO-" + LocalDate.now().format(NUMBER_DATE) + "-" + orders.nextSequenceValue();
    }
}
