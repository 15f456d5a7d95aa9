# SESSION_TYPE = "filesystem"
SESSION_TYPE = "redis"
