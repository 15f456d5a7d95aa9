package com.acme;
class Clients {
    // ruleid: hardcoded-ip-address
    String ledger = "http://10.20.4.17:8080/ledger";
    // ruleid: hardcoded-ip-address
    String oracle = "jdbc:oracle:thin:@192.168.10.5:1521:PROD";
}
