package com.acme.cache;

// import com.github.benmanes.caffeine.cache.Caffeine;
import com.hazelcast.client.HazelcastClient;

class Prices {
    Object client = HazelcastClient.newHazelcastClient();
}
