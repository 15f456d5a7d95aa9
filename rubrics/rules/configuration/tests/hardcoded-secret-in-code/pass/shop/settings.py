import os
# SECRET_KEY = "django-insecure-8c2f9b1e7d"
SECRET_KEY = os.environ["SECRET_KEY"]
PASSWORD_FIELD = "password"
PASSWORD_RESET_URL = "/accounts/password/reset/"
DB_PASSWORD_ENV = "DB_PASSWORD"
API_KEY_HEADER = "X-Api-Key"
TOKEN = ""
password = os.getenv("DB_PASSWORD", "")
secret = f"{prefix}-{suffix}"
LABEL_PASSWORD = "Enter your password"
token_type = "Bearer"
API_KEY = "${API_KEY}"
PASSWORD_MIN = 12
password_hash = bcrypt(raw)
