package main

import "net/http"

func main() {
    // ruleid: privileged-port
    http.ListenAndServe(":443", nil)
}
