CREATE TABLE IF NOT EXISTS items (
    sku         text PRIMARY KEY,
    name        text NOT NULL,
    unit        text NOT NULL DEFAULT 'each',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS stock_levels (
    sku         text NOT NULL REFERENCES items (sku),
    location    text NOT NULL,
    on_hand     integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved    integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (sku, location)
);

CREATE TABLE IF NOT EXISTS reservations (
    id          bigserial PRIMARY KEY,
    sku         text NOT NULL,
    location    text NOT NULL,
    quantity    integer NOT NULL CHECK (quantity > 0),
    order_ref   text NOT NULL,
    expires_at  timestamptz NOT NULL,
    FOREIGN KEY (sku, location) REFERENCES stock_levels (sku, location)
);
CREATE INDEX IF NOT EXISTS reservations_expires_at_idx ON reservations (expires_at);

CREATE TABLE IF NOT EXISTS movements (
    id          bigserial PRIMARY KEY,
    sku         text NOT NULL REFERENCES items (sku),
    location    text NOT NULL,
    delta       integer NOT NULL,
    reason      text NOT NULL,
    actor       text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS movements_created_at_idx ON movements (created_at);
