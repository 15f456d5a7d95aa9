package store

import (
	"fmt"
	"io/ioutil"
	"os"
	"path/filepath"
)

// FileStore keeps documents under Root on the local disk.
type FileStore struct {
	Root string
}

func (s *FileStore) Save(name string, data []byte) error {
	// ruleid: go-local-file-write
	if err := os.MkdirAll(s.Root, 0o755); err != nil {
		return err
	}
	// ruleid: go-local-file-write
	return os.WriteFile(filepath.Join(s.Root, name), data, 0o644)
}

func (s *FileStore) SaveLegacy(name string, data []byte) error {
	// ruleid: go-local-file-write
	return ioutil.WriteFile(filepath.Join(s.Root, name), data, 0644)
}

func (s *FileStore) Export(name string) (*os.File, error) {
	// ruleid: go-local-file-write
	return os.Create(filepath.Join(s.Root, "exports", name))
}

func (s *FileStore) Audit(line string) error {
	// ruleid: go-local-file-write
	f, err := os.OpenFile(filepath.Join(s.Root, "audit.log"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = fmt.Fprintln(f, line)
	return err
}
