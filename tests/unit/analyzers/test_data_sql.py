"""SQL text → tables read / written / created, with sqlglot; scripts; prose is not SQL."""

from __future__ import annotations

import pytest

from assess.analyzers.data.sql import ForeignKeyDef, analyze_sql, looks_like_sql, split_script


@pytest.mark.parametrize(
    ("sql", "reads", "writes"),
    [
        (
            "SELECT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.id = ?",
            ("order_lines", "orders"),
            (),
        ),
        (
            "select count(*) from invoices where issued_on >= date_trunc('year', current_date)",
            ("invoices",),
            (),
        ),
        ("UPDATE stock_levels SET on_hand = on_hand - :qty WHERE sku = :sku", (), ("stock_levels",)),
        (
            "INSERT INTO orders (a, b) SELECT x, y FROM carts c JOIN cart_items i ON i.cart_id = c.id",
            ("cart_items", "carts"),
            ("orders",),
        ),
        ("DELETE FROM sessions WHERE expires_at < NOW()", (), ("sessions",)),
        ("WITH recent AS (SELECT * FROM orders WHERE placed_at > $1) SELECT * FROM recent", ("orders",), ()),
        (
            "MERGE INTO prices t USING staged_prices s ON t.sku = s.sku WHEN MATCHED THEN UPDATE SET price = s.price",
            ("staged_prices",),
            ("prices",),
        ),
        ("SELECT * FROM [catalog].[Products] WITH (NOLOCK) WHERE Id = @id", ("catalog.Products",), ()),
        ("SELECT `u`.`id` FROM `users` `u` WHERE `u`.`email` = %s", ("users",), ()),
        ("SELECT * FROM users WHERE id = #{id} AND tenant = ${tenant}", ("users",), ()),
        ("SELECT * FROM users WHERE id = %(id)s", ("users",), ()),
    ],
)
def test_reads_and_writes(sql: str, reads: tuple[str, ...], writes: tuple[str, ...]) -> None:
    use = analyze_sql(sql)
    assert use is not None
    assert (use.reads, use.writes) == (reads, writes)


def test_create_and_alter_table_give_tables_and_keys() -> None:
    create = analyze_sql(
        "CREATE TABLE IF NOT EXISTS order_lines (id BIGSERIAL PRIMARY KEY, order_id BIGINT REFERENCES orders(id), "
        "product_id BIGINT NOT NULL, CONSTRAINT fk_p FOREIGN KEY (product_id) REFERENCES products (id))"
    )
    assert create is not None
    assert create.creates == ("order_lines",)
    assert set(create.foreign_keys) == {
        ForeignKeyDef("order_lines", ("order_id",), "orders", ("id",)),
        ForeignKeyDef("order_lines", ("product_id",), "products", ("id",)),
    }
    alter = analyze_sql(
        "ALTER TABLE invoices ADD CONSTRAINT fk_io FOREIGN KEY (order_id) REFERENCES orders (id)"
    )
    assert alter is not None
    assert alter.foreign_keys == (ForeignKeyDef("invoices", ("order_id",), "orders", ("id",)),)


def test_routines_are_recognised() -> None:
    proc = analyze_sql(
        "CREATE OR REPLACE PROCEDURE archive_orders(p_before date) LANGUAGE plpgsql AS $$ BEGIN END $$"
    )
    trigger = analyze_sql(
        "CREATE TRIGGER trg_audit AFTER UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION audit()"
    )
    assert proc is not None and proc.routine == ("procedure", "archive_orders")
    assert trigger is not None and trigger.routine == ("trigger", "trg_audit")
    for call, name in [
        ("{call archive_orders(?)}", "archive_orders"),
        ("EXEC dbo.RebuildTree @depth = 3", "dbo.RebuildTree"),
        ("CALL refresh_totals(1)", "refresh_totals"),
    ]:
        use = analyze_sql(call)
        assert use is not None and use.calls_routine == name


@pytest.mark.parametrize(
    "text",
    [
        "Select a product from the list",
        "Update your profile settings",
        "order_number,placed_at,customer_email",
        "delete",
        "",
    ],
)
def test_prose_is_not_sql(text: str) -> None:
    assert not looks_like_sql(text)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * FROM",
        "SELECT ((((",
        "INSERT INTO",
        "UPDATE x SET",
        "CREATE TABLE (",
        "select 'unterminated",
        "\x00\xff" * 50,
    ],
)
def test_broken_sql_never_raises(text: str) -> None:
    use = analyze_sql(text)
    assert use is None or isinstance(use.reads, tuple)


def test_split_script_keeps_lines_and_understands_delimiters() -> None:
    script = (
        "-- schema; with a comment\n"
        "CREATE TABLE a (id int);\n"
        "\n"
        "/* block; comment */ CREATE TABLE b (a_id int REFERENCES a(id));\n"
        "DELIMITER //\n"
        "CREATE PROCEDURE p() BEGIN SELECT 1; END//\n"
        "DELIMITER ;\n"
        "INSERT INTO a VALUES (';');\n"
        "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql;\n"
        "GO\n"
    )
    statements = split_script(script)
    assert [line for line, _ in statements] == [2, 4, 6, 8, 9]
    assert statements[2][1].startswith("CREATE PROCEDURE") and "SELECT 1;" in statements[2][1]
    assert "';'" in statements[3][1]
