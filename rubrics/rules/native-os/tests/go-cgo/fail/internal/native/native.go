package native

// #include <stdlib.h>
// ruleid: go-cgo
import "C"

func Free(p unsafe.Pointer) { C.free(p) }
