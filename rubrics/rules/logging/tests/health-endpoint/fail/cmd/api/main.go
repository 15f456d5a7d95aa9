package main

import "net/http"

func main() {
    // ruleid: health-endpoint
    http.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) {})
}
