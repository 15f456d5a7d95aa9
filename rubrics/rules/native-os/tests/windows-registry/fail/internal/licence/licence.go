package licence

// ruleid: windows-registry
import "golang.org/x/sys/windows/registry"

var _ = registry.LOCAL_MACHINE
