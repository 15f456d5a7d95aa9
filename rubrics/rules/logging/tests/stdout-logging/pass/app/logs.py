import logging
# handler = logging.StreamHandler(sys.stdout)
handler = logging.FileHandler("app.log")
