from django.core.files.storage import FileSystemStorage
# ruleid: python-upload-saved-locally
private_storage = FileSystemStorage(location="/srv/private")
