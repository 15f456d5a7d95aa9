import logging.handlers, os
handler = logging.handlers.SysLogHandler(address=(os.environ["SYSLOG_HOST"], 514))
