import os
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
