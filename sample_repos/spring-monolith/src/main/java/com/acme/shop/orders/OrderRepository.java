package com.acme.shop.orders;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OrderRepository extends JpaRepository<Order, Long> {

    Optional<Order> findByOrderNumber(String orderNumber);

    List<Order> findByCustomerEmailOrderByPlacedAtDesc(String customerEmail);

    @Query("select distinct o from Order o left join fetch o.lines "
            + "where o.placedAt >= :from and o.placedAt < :to order by o.placedAt")
    List<Order> findPlacedBetween(LocalDateTime from, LocalDateTime to);

    @Query(value = "select nextval('orders_id_seq')", nativeQuery = true)
    long nextSequenceValue();
}
