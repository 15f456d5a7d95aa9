package state

// ruleid: mutable-static-state
var sessions = map[string]string{}
