package main

import "net"

func main() {
    conn, _ := net.Dial("tcp", "backend:9100")
    ln, _ := net.Listen(network, address)
    _, _ = conn, ln
}
