import smtplib
# ruleid: smtp-fixed-host
server = smtplib.SMTP("localhost")
