-- Applied by the platform's migration job before a release (not by the service itself).
CREATE TABLE IF NOT EXISTS quotes (
    id          uuid PRIMARY KEY,
    country     char(2) NOT NULL,
    parcel      jsonb NOT NULL,
    options     jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_expires_at_idx ON quotes (expires_at);
