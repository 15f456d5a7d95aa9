package config

// ruleid: hardcoded-ip-address
const ledger = "192.168.0.44:9000"
