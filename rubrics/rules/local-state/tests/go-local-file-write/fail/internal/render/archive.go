package render

import (
    "os"
    "path/filepath"
)

func Archive(data []byte) error {
    dir := "/var/lib/render"
    name := filepath.Join(dir, "out.pdf")
    // ruleid: go-local-file-write
    return os.WriteFile(name, data, 0o600)
}
