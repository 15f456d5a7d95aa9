import tempfile
from flask import request

def upload(bucket):
    f = request.files["document"]
    # request.files["document"].save("uploads/x")
    bucket.upload_fileobj(f.stream, f.filename)
    spool = tempfile.mkdtemp()
    f.save(spool + "/" + f.filename)

def thumbnail(image, path):
    image.save(path)
