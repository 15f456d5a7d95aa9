package com.acme.shop.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * On-hand and reserved quantity of one product. Optimistically locked: concurrent reservations
 * of the same product retry instead of overselling.
 */
@Entity
@Table(name = "stock_levels")
public class StockLevel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id", nullable = false, unique = true)
    private Product product;

    @Column(name = "on_hand", nullable = false)
    private int onHand;

    @Column(nullable = false)
    private int reserved;

    @Column(name = "reorder_point", nullable = false)
    private int reorderPoint = 10;

    @Version
    private long version;

    protected StockLevel() {
        // for JPA
    }

    public StockLevel(Product product, int onHand) {
        this.product = product;
        this.onHand = onHand;
    }

    public Long getId() {
        return id;
    }

    public Product getProduct() {
        return product;
    }

    public int getOnHand() {
        return onHand;
    }

    public int getReserved() {
        return reserved;
    }

    public int getAvailable() {
        return onHand - reserved;
    }

    public int getReorderPoint() {
        return reorderPoint;
    }

    public boolean needsReorder() {
        return getAvailable() <= reorderPoint;
    }

    void reserve(int quantity) {
        if (quantity > getAvailable()) {
            throw new InsufficientStockException(product.getSku(), quantity, getAvailable());
        }
        reserved += quantity;
    }

    void release(int quantity) {
        reserved = Math.max(0, reserved - quantity);
    }

    void receive(int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("Received quantity must be positive");
        }
        onHand += quantity;
    }

    void ship(int quantity) {
        onHand -= quantity;
        reserved -= quantity;
    }
}
