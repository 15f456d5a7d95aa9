package com.acme;
class Gateway {
    // ruleid: raw-socket-listener
    java.net.ServerSocket server = new java.net.ServerSocket(9100);
}
