package com.acme.shop.inventory;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StockReservationRepository extends JpaRepository<StockReservation, Long> {

    List<StockReservation> findByOrderIdAndReleasedFalse(Long orderId);
}
