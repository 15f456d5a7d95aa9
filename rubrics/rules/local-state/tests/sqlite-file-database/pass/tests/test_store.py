import sqlite3
# conn = sqlite3.connect("orders.db")
conn = sqlite3.connect(":memory:")
