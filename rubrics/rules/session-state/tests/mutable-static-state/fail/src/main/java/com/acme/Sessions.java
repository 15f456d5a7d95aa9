package com.acme;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
class Sessions {
    // ruleid: mutable-static-state
    private static final Map<String, List<Order>> SESSIONS = new ConcurrentHashMap<>();
    // ruleid: mutable-static-state
    static List<String> pendingJobs = new ArrayList<>();
}
