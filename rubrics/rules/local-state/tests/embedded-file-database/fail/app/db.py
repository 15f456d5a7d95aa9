from sqlalchemy import create_engine
# ruleid: embedded-file-database
engine = create_engine("sqlite:///data/shop.db")
