package com.acme;
import org.apache.activemq.broker.BrokerService;
class Broker {
    void start() throws Exception {
        // ruleid: embedded-message-broker
        BrokerService broker = new BrokerService();
        // ruleid: embedded-message-broker
        broker.addConnector("vm://localhost");
    }
}
