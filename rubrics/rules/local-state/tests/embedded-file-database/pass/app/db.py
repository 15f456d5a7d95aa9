from sqlalchemy import create_engine
engine = create_engine("sqlite://")
memory = create_engine("sqlite:///:memory:")
main = create_engine("postgresql://shop@db/shop")
