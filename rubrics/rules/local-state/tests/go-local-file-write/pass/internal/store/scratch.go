package store

import (
	"os"
	"path/filepath"
)

// os.WriteFile("cache.json", data, 0o644)
/*
	os.MkdirAll("/var/data/exports", 0o755)
	os.Create("report.csv")
*/

// Scratch writes only under the temp dir.
func Scratch(data []byte) (string, error) {
	f, err := os.CreateTemp("", "render-*.json")
	if err != nil {
		return "", err
	}
	defer f.Close()
	dir, err := os.MkdirTemp("", "pages")
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(os.TempDir(), "last-run"), data, 0o600); err != nil {
		return "", err
	}
	tmpPath := filepath.Join(dir, "page.html")
	out, err := os.Create(tmpPath)
	if err != nil {
		return "", err
	}
	defer out.Close()
	return f.Name(), nil
}

// Load only reads.
func Load(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return os.ReadFile(path)
}

// MemFS is an in-memory file system; its WriteFile is not os.WriteFile.
type MemFS struct{ files map[string][]byte }

func (m *MemFS) WriteFile(name string, data []byte, perm os.FileMode) error {
	m.files[name] = data
	return nil
}

func useMem(fs *MemFS, data []byte) error {
	return fs.WriteFile("cache.json", data, 0o644)
}
