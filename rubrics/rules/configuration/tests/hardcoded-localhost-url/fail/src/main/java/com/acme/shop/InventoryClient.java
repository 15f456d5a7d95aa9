package com.acme.shop;

import org.springframework.web.client.RestTemplate;

public class InventoryClient {

    // ruleid: hardcoded-localhost-url
    private static final String BASE_URL = "http://localhost:8081/api/inventory";

    private final RestTemplate rest = new RestTemplate();

    public Integer stock(String sku) {
        return rest.getForObject(BASE_URL + "/" + sku, Integer.class);
    }
}
