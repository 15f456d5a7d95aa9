# ruleid: smtp-fixed-host
EMAIL_HOST = "smtp.acme.local"
