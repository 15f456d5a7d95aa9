package com.acme.cache;

// ruleid: java-embedded-cache
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hazelcast.core.Hazelcast;

class Prices {
    Object local = Caffeine.newBuilder().maximumSize(10_000).build();
    // ruleid: java-embedded-cache
    Object member = Hazelcast.newHazelcastInstance();
}
