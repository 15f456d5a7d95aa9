package com.acme.rates;

class RatesClient {
    Object connect(String host) throws Exception {
        // ruleid: java-rmi
        java.rmi.registry.Registry registry = java.rmi.registry.LocateRegistry.getRegistry(host, 1099);
        // ruleid: java-rmi
        return java.rmi.Naming.lookup("//" + host + "/Rates");
    }
}
