import logging
handler = logging.StreamHandler()
