package com.acme;
import java.util.*;
class Config {
    private static final List<String> ALLOWED = List.of("a", "b");
    private final Map<String, String> cache = new HashMap<>();
    static final Map<String, String> LABELS = new HashMap<>(Map.of("a", "b"));
    void f() { Map<String, String> cache = new HashMap<>(); }
}
