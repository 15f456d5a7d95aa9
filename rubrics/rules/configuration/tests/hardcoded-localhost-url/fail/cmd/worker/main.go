package main

import "log"

// ruleid: hardcoded-localhost-url
const amqpURL = "amqp://guest:guest@localhost:5672/"

func main() {
	log.Printf("connecting to %s", amqpURL)
}
