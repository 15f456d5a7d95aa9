ALLOWED_HOSTS = []
INSTALLED_APPS = ["shop"]
# _cache = {}

def handler():
    cache = {}
    return cache
