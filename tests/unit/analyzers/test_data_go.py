"""Go: SQL in code, ``sql.Tx`` and GORM transactions followed through the call graph."""

from __future__ import annotations

from tests.unit.analyzers.data_support import MakeApp, accesses, analyze, findings, tables, transactions

SCHEMA = """\
CREATE TABLE orders (id BIGSERIAL PRIMARY KEY, customer_id BIGINT NOT NULL);
CREATE TABLE stock (sku TEXT PRIMARY KEY, reserved INT NOT NULL DEFAULT 0);
"""

STORE = """\
package store

import (
	"context"
	"database/sql"
)

type OrderStore struct {
	db *sql.DB
}

func (s *OrderStore) Place(ctx context.Context, customerID int64, sku string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "INSERT INTO orders (customer_id) VALUES ($1)", customerID); err != nil {
		return err
	}
	if err := reserve(ctx, tx, sku); err != nil {
		return err
	}
	return tx.Commit()
}

func reserve(ctx context.Context, tx *sql.Tx, sku string) error {
	_, err := tx.ExecContext(ctx, "UPDATE stock SET reserved = reserved + 1 WHERE sku = $1", sku)
	return err
}

func (s *OrderStore) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM orders").Scan(&n)
	return n, err
}
"""

GORM = """\
package billing

import "gorm.io/gorm"

func Settle(db *gorm.DB, id int64) error {
	return db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("UPDATE stock SET reserved = 0 WHERE sku IN (SELECT sku FROM orders WHERE id = ?)", id).Error; err != nil {
			return err
		}
		return tx.Exec("CALL settle_order(?)", id).Error
	})
}
"""


def test_sql_tx_follows_calls_into_helpers(make_app: MakeApp) -> None:
    result = analyze(make_app, {"migrations/0001_init.sql": SCHEMA, "internal/store/orders.go": STORE})
    assert tables(result) == ["orders", "stock"]
    assert accesses(result) == {
        ("internal/store", "orders", "write"),
        ("internal/store", "orders", "read"),
        ("internal/store", "stock", "write"),
    }
    assert transactions(result) == {("Place", "sql-tx", ("orders", "stock"))}
    place = result.model.transactions[0]
    assert (place.unit, place.line, place.depth, place.unresolved) == ("internal/store", 13, 1, ())


def test_gorm_transaction_and_procedure(make_app: MakeApp) -> None:
    result = analyze(make_app, {"migrations/0001_init.sql": SCHEMA, "billing/settle.go": GORM})
    assert transactions(result) == {("Settle", "gorm", ("orders", "stock"))}
    assert findings(result) == {("stored-procedure", "billing/settle.go", 10)}
