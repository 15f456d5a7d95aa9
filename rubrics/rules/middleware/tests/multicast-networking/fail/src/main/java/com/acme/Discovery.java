package com.acme;
import java.net.*;
class Discovery {
    void join() throws Exception {
        // ruleid: multicast-networking
        MulticastSocket socket = new MulticastSocket(4446);
        // ruleid: multicast-networking
        socket.joinGroup(InetAddress.getByName("230.0.0.1"));
    }
}
