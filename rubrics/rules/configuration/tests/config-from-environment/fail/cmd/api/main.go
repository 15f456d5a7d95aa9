package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	// ruleid: config-from-environment
	port := os.Getenv("PORT")
	// ruleid: config-from-environment
	if dsn, ok := os.LookupEnv("DATABASE_URL"); ok {
		log.Printf("db: %d bytes", len(dsn))
	}
	log.Fatal(http.ListenAndServe(":"+port, nil))
}
