-- Acme Shop schema. One PostgreSQL database shared by the orders, inventory and billing modules.
-- Applied on start-up by spring.sql.init; every statement must be safe to run more than once.

-- ---------------------------------------------------------------- inventory

CREATE TABLE IF NOT EXISTS products (
    id              BIGSERIAL PRIMARY KEY,
    sku             VARCHAR(40)    NOT NULL UNIQUE,
    name            VARCHAR(200)   NOT NULL,
    description     TEXT,
    unit_price      NUMERIC(12, 2) NOT NULL,
    active          BOOLEAN        NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP      NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS stock_levels (
    id              BIGSERIAL PRIMARY KEY,
    product_id      BIGINT         NOT NULL UNIQUE,
    on_hand         INTEGER        NOT NULL DEFAULT 0,
    reserved        INTEGER        NOT NULL DEFAULT 0,
    reorder_point   INTEGER        NOT NULL DEFAULT 10,
    version         BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT fk_stock_levels_product FOREIGN KEY (product_id) REFERENCES products (id),
    CONSTRAINT ck_stock_levels_reserved CHECK (reserved >= 0 AND reserved <= on_hand)
);

-- ---------------------------------------------------------------- orders

CREATE TABLE IF NOT EXISTS orders (
    id              BIGSERIAL PRIMARY KEY,
    order_number    VARCHAR(30)    NOT NULL UNIQUE,
    customer_email  VARCHAR(254)   NOT NULL,
    customer_name   VARCHAR(200)   NOT NULL,
    shipping_address TEXT          NOT NULL,
    status          VARCHAR(20)    NOT NULL,
    total_amount    NUMERIC(12, 2) NOT NULL,
    placed_at       TIMESTAMP      NOT NULL,
    cancelled_at    TIMESTAMP
);

CREATE TABLE IF NOT EXISTS order_lines (
    id              BIGSERIAL PRIMARY KEY,
    order_id        BIGINT         NOT NULL,
    product_id      BIGINT         NOT NULL,
    quantity        INTEGER        NOT NULL,
    unit_price      NUMERIC(12, 2) NOT NULL,
    CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT fk_order_lines_product FOREIGN KEY (product_id) REFERENCES products (id)
);

-- Reservations live with inventory but point at the order that holds them.
CREATE TABLE IF NOT EXISTS stock_reservations (
    id              BIGSERIAL PRIMARY KEY,
    product_id      BIGINT         NOT NULL,
    order_id        BIGINT         NOT NULL,
    quantity        INTEGER        NOT NULL,
    reserved_at     TIMESTAMP      NOT NULL,
    released        BOOLEAN        NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_reservations_product FOREIGN KEY (product_id) REFERENCES products (id),
    CONSTRAINT fk_reservations_order FOREIGN KEY (order_id) REFERENCES orders (id)
);

-- ---------------------------------------------------------------- billing

CREATE TABLE IF NOT EXISTS invoices (
    id              BIGSERIAL PRIMARY KEY,
    invoice_number  VARCHAR(30)    NOT NULL UNIQUE,
    order_id        BIGINT         NOT NULL UNIQUE,
    status          VARCHAR(20)    NOT NULL,
    net_amount      NUMERIC(12, 2) NOT NULL,
    vat_amount      NUMERIC(12, 2) NOT NULL,
    gross_amount    NUMERIC(12, 2) NOT NULL,
    issued_on       DATE           NOT NULL,
    due_on          DATE           NOT NULL,
    archived        BOOLEAN        NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_invoices_order FOREIGN KEY (order_id) REFERENCES orders (id)
);

CREATE TABLE IF NOT EXISTS invoice_lines (
    id              BIGSERIAL PRIMARY KEY,
    invoice_id      BIGINT         NOT NULL,
    product_id      BIGINT         NOT NULL,
    description     VARCHAR(250)   NOT NULL,
    quantity        INTEGER        NOT NULL,
    unit_price      NUMERIC(12, 2) NOT NULL,
    line_total      NUMERIC(12, 2) NOT NULL,
    CONSTRAINT fk_invoice_lines_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id) ON DELETE CASCADE,
    CONSTRAINT fk_invoice_lines_product FOREIGN KEY (product_id) REFERENCES products (id)
);

CREATE TABLE IF NOT EXISTS payments (
    id              BIGSERIAL PRIMARY KEY,
    invoice_id      BIGINT         NOT NULL,
    amount          NUMERIC(12, 2) NOT NULL,
    method          VARCHAR(20)    NOT NULL,
    reference       VARCHAR(100),
    received_at     TIMESTAMP      NOT NULL,
    CONSTRAINT fk_payments_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id)
);

CREATE INDEX IF NOT EXISTS ix_orders_customer_email ON orders (customer_email);
CREATE INDEX IF NOT EXISTS ix_invoices_status_due_on ON invoices (status, due_on);
CREATE INDEX IF NOT EXISTS ix_reservations_order ON stock_reservations (order_id);
