# ruleid: hardcoded-secret-in-code
SECRET_KEY = "django-insecure-8c2f9b1e7d"
DATABASES = {
    "default": {
        "USER": "shop",
        # ruleid: hardcoded-secret-in-code
        "PASSWORD": "pg-pass-2023",
    }
}
# ruleid: hardcoded-secret-in-code
client = connect(user="shop", password="s3cr3tpw")
