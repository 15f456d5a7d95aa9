DATABASES = {
    "default": {
        # ruleid: sqlite-file-database
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "db.sqlite3",
    }
}
