from pathlib import Path
BASE_DIR = Path(__file__).resolve().parent.parent
# ruleid: python-upload-saved-locally
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    # ruleid: python-upload-saved-locally
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
}
