package render

import (
    "os"
    "path/filepath"
)

func Render(data []byte) (string, error) {
    dir, err := os.MkdirTemp("", "render")
    if err != nil {
        return "", err
    }
    name := filepath.Join(dir, "out.pdf")
    return name, os.WriteFile(name, data, 0o600)
}
