import os

# os.getenv("DATABASE_URL")
SECRET_KEY = os.environ["SECRET_KEY"]


def application(environ, start_response):
    path = environ.get("PATH_INFO", "/")
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [path.encode()]
