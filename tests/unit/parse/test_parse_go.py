"""Go front end."""

from __future__ import annotations

from assess.model import Call, Import
from tests.unit.parse.support import declared, only_call, parse, values

SOURCE = """
package storage

import (
	"os"
	stdlog "log"
	_ "github.com/lib/pq"
)

import "path/filepath"

// Store writes blobs. os.WriteFile("comment.txt", nil, 0644) is not a call.
type Store struct {
	root string
}

type Saver interface {
	Save(name string, data []byte) error
}

type Cache[K comparable, V any] struct{ items map[K]V }

func (s *Store) Save(name string, data []byte) error {
	/* os.MkdirAll("/tmp/x", 0o755) */
	if err := os.MkdirAll(s.root, 0o755); err != nil {
		return err
	}
	stdlog.Printf("saving %s", name)
	return os.WriteFile(filepath.Join(s.root, name), data, 0o644)
}

func (c Cache[K, V]) Get(key K) V { return c.items[key] }

func New(root string) *Store {
	dsn := `postgres://localhost:5432/app`
	_ = dsn
	return &Store{root: os.Getenv("STORE_ROOT")}
}
"""


def test_import_specs() -> None:
    assert parse("go", SOURCE).imports == (
        Import("os", 4),
        Import("log", 5),
        Import("github.com/lib/pq", 6),
        Import("path/filepath", 9),
    )


def test_declarations_with_receiver_containers() -> None:
    assert declared(parse("go", SOURCE)) == [
        ("struct", "Store", 12, 14, None),
        ("interface", "Saver", 16, 18, None),
        ("struct", "Cache", 20, 20, None),
        ("method", "Save", 22, 29, "Store"),
        ("method", "Get", 31, 31, "Cache"),
        ("function", "New", 33, 37, None),
    ]


def test_calls() -> None:
    facts = parse("go", SOURCE)
    assert only_call(facts, "WriteFile") == Call(
        "WriteFile", "os.WriteFile", "os", ("filepath.Join(s.root, name)", "data", "0o644"), 28
    )
    assert only_call(facts, "MkdirAll") == Call("MkdirAll", "os.MkdirAll", "os", ("s.root", "0o755"), 24)
    assert only_call(facts, "Getenv").args == ('"STORE_ROOT"',)
    assert only_call(facts, "Printf").receiver == "stdlog"


def test_strings_without_comments() -> None:
    facts = parse("go", SOURCE)
    assert values(facts) == [
        "os",
        "log",
        "github.com/lib/pq",
        "path/filepath",
        "saving %s",
        "postgres://localhost:5432/app",
        "STORE_ROOT",
    ]
    assert "comment.txt" not in values(facts)


def test_code_lines() -> None:
    assert parse("go", SOURCE).code_lines == 27
