import os
from flask import request
UPLOAD_DIR = "uploads"

def upload():
    f = request.files["document"]
    target = os.path.join(UPLOAD_DIR, f.filename)
    # ruleid: python-upload-saved-locally
    request.files["document"].save(target)
