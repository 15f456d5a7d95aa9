package main

import "net"

func main() {
    // ruleid: raw-socket-listener
    ln, _ := net.Listen("tcp", ":9100")
    _ = ln
}
