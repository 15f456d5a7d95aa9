package com.acme.rates;
// ruleid: java-rmi
import java.rmi.registry.LocateRegistry;
class RatesServer {
    void start() throws Exception {
        // ruleid: java-rmi
        LocateRegistry.createRegistry(1099);
    }
}
