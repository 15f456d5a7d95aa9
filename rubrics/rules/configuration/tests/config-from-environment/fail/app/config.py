import os

# ruleid: config-from-environment
DATABASE_URL = os.getenv("DATABASE_URL")
# ruleid: config-from-environment
DEBUG = os.environ.get("DEBUG", "0") == "1"
