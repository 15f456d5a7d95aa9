package com.acme.shop.inventory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StockLevelRepository extends JpaRepository<StockLevel, Long> {

    Optional<StockLevel> findByProductId(Long productId);

    @Query("select s from StockLevel s join fetch s.product p "
            + "where p.active = true and (s.onHand - s.reserved) <= s.reorderPoint")
    List<StockLevel> findBelowReorderPoint();
}
