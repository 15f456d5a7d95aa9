"""
Django settings for shopsite.

Production configuration for the two shop servers (shop01, shop02). Local overrides
can go in shopsite/local_settings.py, which is not checked in.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# SECURITY WARNING: keep the secret key used in production secret!
SECRET_KEY = "django-insecure-8v#q2m!x@4kz7f$w1p^r0t&y3u*e6i(o9a)s-d+g=h_j5l"

DEBUG = os.environ.get("DJANGO_DEBUG", "False") == "True"

ALLOWED_HOSTS = ["shop.example.com", "www.shop.example.com", "localhost", "127.0.0.1"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "catalog",
    "orders",
    "accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "shopsite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "orders.context_processors.cart_summary",
            ],
        },
    },
]

WSGI_APPLICATION = "shopsite.wsgi.application"

# Database
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shopsite",
        "USER": "shopsite",
        "PASSWORD": "Sh0pS1te!2019",
        "HOST": "db01.shop.internal",
        "PORT": "5432",
        "CONN_MAX_AGE": 60,
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "catalog:product_list"

# Sessions are kept on the local disk of each web server; the load balancer
# uses sticky sessions so a customer keeps hitting the same box.
SESSION_ENGINE = "django.contrib.sessions.backends.file"
SESSION_FILE_PATH = "/var/lib/shopsite/sessions"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "shopsite-default",
        "TIMEOUT": 300,
    }
}

# Internationalization
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static files and uploads
STATIC_URL = "/static/"
STATIC_ROOT = "/srv/shopsite/static"
MEDIA_URL = "/media/"
MEDIA_ROOT = "/srv/shopsite/media"
EXPORT_ROOT = "/srv/shopsite/exports"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024

# Product search (Elasticsearch running next to the app on each server)
SEARCH_URL = "http://localhost:9200"
SEARCH_INDEX = "shopsite-products"
SEARCH_TIMEOUT = 2.5

# E-mail
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp.example.com"
EMAIL_PORT = 587
EMAIL_USE_TLS = True
EMAIL_HOST_USER = "shop-notifications@example.com"
EMAIL_HOST_PASSWORD = "n0tify-2019"
DEFAULT_FROM_EMAIL = "Shop <orders@example.com>"
ORDER_NOTIFICATION_EMAILS = ["warehouse@example.com"]

# Shop behaviour
CURRENCY = "GBP"
FREE_SHIPPING_THRESHOLD = 50
STANDARD_SHIPPING = 4.95
LOW_STOCK_THRESHOLD = int(os.getenv("SHOPSITE_LOW_STOCK", "5"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "verbose": {
            "format": "{asctime} {levelname} {name} {process:d} {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "verbose",
        },
        "file": {
            "level": "INFO",
            "class": "logging.FileHandler",
            "filename": "/var/log/shopsite/app.log",
            "formatter": "verbose",
        },
        "payments": {
            "level": "INFO",
            "class": "logging.handlers.RotatingFileHandler",
            "filename": "/var/log/shopsite/payments.log",
            "maxBytes": 10 * 1024 * 1024,
            "backupCount": 10,
            "formatter": "verbose",
        },
    },
    "loggers": {
        "django": {"handlers": ["console", "file"], "level": "INFO"},
        "shopsite": {"handlers": ["file"], "level": "INFO", "propagate": False},
        "orders.payments": {"handlers": ["payments"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
}

try:
    from shopsite.local_settings import *  # noqa: F401,F403
except ImportError:
    pass
