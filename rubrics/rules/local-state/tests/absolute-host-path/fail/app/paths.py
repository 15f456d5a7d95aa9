# ruleid: absolute-host-path
EXPORT_DIR = "/home/deploy/shop/exports"
# ruleid: absolute-host-path
ARCHIVE = "/mnt/archive"
