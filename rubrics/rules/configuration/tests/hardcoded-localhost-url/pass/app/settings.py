import os

# CELERY_BROKER_URL = "redis://localhost:6379/0"
CELERY_BROKER_URL = os.environ["CELERY_BROKER_URL"]
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "shop.example.com"]
