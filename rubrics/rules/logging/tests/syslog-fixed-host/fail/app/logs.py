import logging.handlers
# ruleid: syslog-fixed-host
handler = logging.handlers.SysLogHandler(address=("logs01.corp.acme.com", 514))
