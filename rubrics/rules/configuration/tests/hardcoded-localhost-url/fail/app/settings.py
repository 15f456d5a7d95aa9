import os

# ruleid: hardcoded-localhost-url
DATABASE_URL = os.getenv("DATABASE_URL", "postgres://app:app@localhost:5432/app")
# ruleid: hardcoded-localhost-url
CELERY_BROKER_URL = "redis://localhost:6379/0"
