class Config:
    # ruleid: python-in-process-cache
    CACHE_TYPE = "FileSystemCache"
    CACHE_DIR = "cache"
