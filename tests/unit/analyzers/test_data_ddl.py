"""Schema files: SQL scripts, Flyway migrations, Liquibase changelogs; routines become findings."""

from __future__ import annotations

import time

from tests.unit.analyzers.data_support import MakeApp, analyze, findings, keys, tables

SCHEMA = """\
-- Orders schema
CREATE TABLE customers (
    id BIGSERIAL PRIMARY KEY,
    email VARCHAR(254) NOT NULL UNIQUE
);

CREATE TABLE orders (
    id BIGSERIAL PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    total NUMERIC(12, 2) NOT NULL
);

CREATE TABLE order_lines (
    id BIGSERIAL PRIMARY KEY,
    order_id BIGINT NOT NULL,
    sku VARCHAR(40) NOT NULL
);

ALTER TABLE order_lines ADD CONSTRAINT fk_lines_order FOREIGN KEY (order_id) REFERENCES orders (id);

CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
"""


def test_schema_sql_tables_keys_and_routines(make_app: MakeApp) -> None:
    result = analyze(make_app, {"db/schema.sql": SCHEMA})
    assert tables(result) == ["customers", "order_lines", "orders"]
    assert keys(result) == {
        ("orders", "customers", ("customer_id",)),
        ("order_lines", "orders", ("order_id",)),
    }
    assert {(t.name, t.source, t.line) for t in result.model.tables} == {
        ("customers", "ddl", 2),
        ("orders", "ddl", 7),
        ("order_lines", "ddl", 13),
    }
    assert findings(result) == {
        ("stored-procedure", "db/schema.sql", 21),
        ("database-trigger", "db/schema.sql", 28),
    }


def test_flyway_migrations_are_marked(make_app: MakeApp) -> None:
    result = analyze(
        make_app,
        {
            "src/main/resources/db/migration/V1__init.sql": "CREATE TABLE accounts (id INT PRIMARY KEY);\n",
            "src/main/resources/db/migration/V2__users.sql": (
                "CREATE TABLE users (id INT PRIMARY KEY, account_id INT,\n"
                "  CONSTRAINT fk_users_account FOREIGN KEY (account_id) REFERENCES accounts (id));\n"
            ),
        },
    )
    assert {(t.name, t.source) for t in result.model.tables} == {("accounts", "flyway"), ("users", "flyway")}
    assert keys(result) == {("users", "accounts", ("account_id",))}


def test_mysql_and_sql_server_dialects(make_app: MakeApp) -> None:
    result = analyze(
        make_app,
        {
            "mysql.sql": "CREATE TABLE `posts` (`id` int NOT NULL, `author_id` int, KEY `k` (`author_id`),\n"
            " CONSTRAINT `fk_author` FOREIGN KEY (`author_id`) REFERENCES `authors` (`id`)) ENGINE=InnoDB;\n",
            "mssql.sql": "CREATE TABLE [dbo].[Orders] ([Id] INT NOT NULL, [CustomerId] INT NULL,\n"
            " CONSTRAINT [FK_Orders_Customers] FOREIGN KEY ([CustomerId]) REFERENCES [dbo].[Customers] ([Id]))\nGO\n",
        },
    )
    assert tables(result) == ["Orders", "posts"]
    assert {t.schema for t in result.model.tables} == {"dbo", None}
    assert keys(result) == {("posts", "authors", ("author_id",)), ("Orders", "Customers", ("CustomerId",))}


LIQUIBASE_XML = """\
<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
    <changeSet id="1" author="shop">
        <createTable tableName="products">
            <column name="id" type="bigint"><constraints primaryKey="true"/></column>
        </createTable>
        <createTable tableName="stock">
            <column name="id" type="bigint"/>
            <column name="product_id" type="bigint">
                <constraints nullable="false" foreignKeyName="fk_stock_product" references="products(id)"/>
            </column>
        </createTable>
    </changeSet>
    <changeSet id="2" author="shop">
        <createTable tableName="reviews" schemaName="shop"/>
        <addForeignKeyConstraint baseTableName="reviews" baseColumnNames="product_id"
                                 constraintName="fk_reviews_product"
                                 referencedTableName="products" referencedColumnNames="id"/>
        <sql>CREATE TRIGGER reviews_audit AFTER INSERT ON reviews FOR EACH ROW EXECUTE FUNCTION audit();</sql>
    </changeSet>
</databaseChangeLog>
"""

LIQUIBASE_YAML = """\
databaseChangeLog:
  - changeSet:
      id: 1
      author: shop
      changes:
        - createTable:
            tableName: carts
            columns:
              - column: {name: id, type: bigint}
        - createTable:
            tableName: cart_items
        - addForeignKeyConstraint:
            baseTableName: cart_items
            baseColumnNames: cart_id
            constraintName: fk_items_cart
            referencedTableName: carts
            referencedColumnNames: id
"""


def test_liquibase_xml_and_yaml(make_app: MakeApp) -> None:
    result = analyze(
        make_app,
        {"db/changelog/db.changelog-master.xml": LIQUIBASE_XML, "db/changelog/carts.yaml": LIQUIBASE_YAML},
    )
    assert tables(result) == ["cart_items", "carts", "products", "reviews", "stock"]
    assert {t.source for t in result.model.tables} == {"liquibase"}
    assert keys(result) == {
        ("stock", "products", ("product_id",)),
        ("reviews", "products", ("product_id",)),
        ("cart_items", "carts", ("cart_id",)),
    }
    assert findings(result) == {("database-trigger", "db/changelog/db.changelog-master.xml", 19)}


def test_broken_schema_files_do_not_stop_the_analysis(make_app: MakeApp) -> None:
    result = analyze(
        make_app,
        {
            "broken.sql": "CREATE TABLE (;;; ALTER TABLE x ADD FOREIGN KEY REFERENCES; CREATE TABLE ok (id int);",
            "db/changelog.xml": "<databaseChangeLog><createTable tableName='half'",
            "db/changelog.yaml": "databaseChangeLog: [unclosed",
        },
    )
    assert tables(result) == ["ok"]
    assert result.errors == ()


def test_liquibase_yaml_alias_bomb_is_bounded(make_app: MakeApp) -> None:
    levels = ["a0: &a0 [{createTable: {tableName: boom}}]"]
    levels += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 10)]
    bomb = "databaseChangeLog:\n" + "".join(f"  {level}\n" for level in levels)
    started = time.perf_counter()
    result = analyze(make_app, {"db/changelog/bomb.yaml": bomb, "db/ok.sql": "CREATE TABLE ok (id int);"})
    assert time.perf_counter() - started < 10
    assert tables(result) == ["ok"]
    assert result.errors == ()
