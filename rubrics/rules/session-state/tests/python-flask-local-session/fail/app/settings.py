# ruleid: python-flask-local-session
SESSION_TYPE = "filesystem"
