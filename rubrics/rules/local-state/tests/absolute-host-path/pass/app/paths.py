# EXPORT_DIR = "/home/deploy/exports"
import os, re
EXPORT_DIR = os.environ.get("EXPORT_DIR", "exports")
HOME_ROUTE = "/home"
PROFILE = "/users/profile"
PATTERN = re.compile("\\d+\\.\\d+")
URL = "http://example.com/home/index"
SCRATCH = "/tmp/work"
MEDIA_URL = "/media/"
