import sqlite3
# ruleid: sqlite-file-database
conn = sqlite3.connect("orders.db")
