package com.acme.shop;

public class InventoryClient {

    // private static final String BASE_URL = "http://localhost:8081/api/inventory";
    /*
     * For local runs: "jdbc:postgresql://localhost:5432/shop"
     */
    private final String baseUrl;

    public InventoryClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String docs() {
        return "https://api.example.com/docs";
    }

    public String bindHost() {
        return "localhost";
    }

    public String lookalike() {
        return "http://localhost.example.com/x and http://127.0.0.10:8080";
    }
}
