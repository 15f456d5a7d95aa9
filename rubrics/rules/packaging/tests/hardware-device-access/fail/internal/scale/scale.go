package scale

// ruleid: hardware-device-access
import "go.bug.st/serial"

var _ = serial.Mode{}
