from .base import *  # noqa: F401,F403

SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
LEGACY_NOTE = "was django.core.cache.backends.filebased.FileBasedCache until 2023"
