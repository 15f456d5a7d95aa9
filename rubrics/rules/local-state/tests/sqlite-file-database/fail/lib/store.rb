require "sqlite3"
# ruleid: sqlite-file-database
DB = SQLite3::Database.new("db/store.sqlite3")
