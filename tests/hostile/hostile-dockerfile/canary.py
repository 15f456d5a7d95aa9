import os


def save(data):
    open('/var/data/canary.txt', 'w').write(data)
