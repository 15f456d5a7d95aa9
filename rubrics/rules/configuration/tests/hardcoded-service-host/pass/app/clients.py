import os
cache_url = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
STRIPE = "https://api.stripe.com/v1"
CONN = "Server=.;Database=Shop;Trusted_Connection=True"
LOCAL = "Server=(localdb)\\MSSQLLocalDB;Database=Shop"
TEMPLATE = "postgresql://{user}@{host}/shop"
