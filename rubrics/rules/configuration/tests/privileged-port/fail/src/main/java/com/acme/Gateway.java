package com.acme;
import java.net.ServerSocket;
class Gateway {
    // ruleid: privileged-port
    ServerSocket socket = new ServerSocket(443);
}
