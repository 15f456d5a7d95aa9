import logging.handlers
# ruleid: windows-event-log
handler = logging.handlers.NTEventLogHandler("Shop")
