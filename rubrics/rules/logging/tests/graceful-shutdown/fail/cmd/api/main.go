package main

import (
    "os"
    "os/signal"
    "syscall"
)

func main() {
    stop := make(chan os.Signal, 1)
    // ruleid: graceful-shutdown
    signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
    <-stop
}
