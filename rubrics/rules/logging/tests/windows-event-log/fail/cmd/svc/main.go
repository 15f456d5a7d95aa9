package main

// ruleid: windows-event-log
import "golang.org/x/sys/windows/svc/eventlog"

func main() { _, _ = eventlog.Open("stock") }
