MEDIA_ROOT = ""
STORAGES = {"default": {"BACKEND": "storages.backends.s3.S3Storage"}}
