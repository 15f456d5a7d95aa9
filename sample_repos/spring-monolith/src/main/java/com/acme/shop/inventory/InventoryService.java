package com.acme.shop.inventory;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.acme.shop.common.ResourceNotFoundException;

/**
 * Stock bookkeeping. Reservations join the caller's transaction so that an order and the stock
 * it holds are committed (or rolled back) together.
 */
@Service
public class InventoryService {

    private static final Logger log = LoggerFactory.getLogger(InventoryService.class);

    private final ProductRepository products;
    private final StockLevelRepository stockLevels;
    private final StockReservationRepository reservations;

    public InventoryService(ProductRepository products, StockLevelRepository stockLevels,
                            StockReservationRepository reservations) {
        this.products = products;
        this.stockLevels = stockLevels;
        this.reservations = reservations;
    }

    @Transactional(readOnly = true)
    public List<Product> activeProducts() {
        return products.findByActiveTrueOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    public Product product(Long productId) {
        return products.findById(productId)
                .orElseThrow(() -> new ResourceNotFoundException("Product", productId));
    }

    @Transactional(readOnly = true)
    public StockLevel stockFor(Long productId) {
        return stockLevels.findByProductId(productId)
                .orElseThrow(() -> new ResourceNotFoundException("Stock level for product", productId));
    }

    /**
     * Reserves the requested quantities for an order. Fails as a whole when any line cannot be
     * served; the surrounding order transaction then rolls back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserve(Long orderId, Map<Long, Integer> quantitiesByProduct) {
        quantitiesByProduct.forEach((productId, quantity) -> {
            StockLevel level = stockFor(productId);
            level.reserve(quantity);
            reservations.save(new StockReservation(level.getProduct(), orderId, quantity));
        });
        log.info("Reserved stock for order {} ({} products)", orderId, quantitiesByProduct.size());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void releaseReservations(Long orderId) {
        for (StockReservation reservation : reservations.findByOrderIdAndReleasedFalse(orderId)) {
            stockFor(reservation.getProduct().getId()).release(reservation.getQuantity());
            reservation.markReleased();
        }
        log.info("Released stock reservations of order {}", orderId);
    }

    @Transactional
    public void shipReservations(Long orderId) {
        for (StockReservation reservation : reservations.findByOrderIdAndReleasedFalse(orderId)) {
            stockFor(reservation.getProduct().getId()).ship(reservation.getQuantity());
            reservation.markReleased();
        }
    }

    @Transactional
    public StockLevel receiveGoods(Long productId, int quantity) {
        StockLevel level = stockFor(productId);
        level.receive(quantity);
        log.info("Received {} units of {}", quantity, level.getProduct().getSku());
        return level;
    }

    @Transactional(readOnly = true)
    public List<StockLevel> reorderCandidates() {
        return stockLevels.findBelowReorderPoint();
    }
}
