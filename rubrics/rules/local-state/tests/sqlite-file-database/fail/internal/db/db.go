package db

import "database/sql"

func Open() (*sql.DB, error) {
    // ruleid: sqlite-file-database
    return sql.Open("sqlite3", "file:app.db?cache=shared")
}
