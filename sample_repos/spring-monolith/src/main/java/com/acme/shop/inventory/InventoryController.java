package com.acme.shop.inventory;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/inventory")
public class InventoryController {

    private final InventoryService inventory;

    public InventoryController(InventoryService inventory) {
        this.inventory = inventory;
    }

    public record ProductView(Long id, String sku, String name, BigDecimal unitPrice, int available) {
    }

    public record GoodsReceipt(@Min(1) int quantity) {
    }

    @GetMapping("/products")
    public List<ProductView> products() {
        return inventory.activeProducts().stream()
                .map(p -> new ProductView(p.getId(), p.getSku(), p.getName(), p.getUnitPrice(),
                        inventory.stockFor(p.getId()).getAvailable()))
                .toList();
    }

    @GetMapping("/products/{productId}")
    public ProductView product(@PathVariable Long productId) {
        Product p = inventory.product(productId);
        return new ProductView(p.getId(), p.getSku(), p.getName(), p.getUnitPrice(),
                inventory.stockFor(productId).getAvailable());
    }

    @PostMapping("/products/{productId}/receipts")
    public ProductView receive(@PathVariable Long productId, @Valid @RequestBody GoodsReceipt receipt) {
        StockLevel level = inventory.receiveGoods(productId, receipt.quantity());
        Product p = level.getProduct();
        return new ProductView(p.getId(), p.getSku(), p.getName(), p.getUnitPrice(), level.getAvailable());
    }

    @GetMapping("/reorder")
    public List<ProductView> reorder() {
        return inventory.reorderCandidates().stream()
                .map(s -> new ProductView(s.getProduct().getId(), s.getProduct().getSku(),
                        s.getProduct().getName(), s.getProduct().getUnitPrice(), s.getAvailable()))
                .toList();
    }
}
