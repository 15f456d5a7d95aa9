"""Not a crontab: a module that talks to the platform's scheduler."""


def schedule(name, expression):
    return {"name": name, "schedule": expression}
