from .base import *  # noqa: F401,F403

DEBUG = False
# ruleid: python-django-local-session
SESSION_ENGINE = "django.contrib.sessions.backends.cache"
