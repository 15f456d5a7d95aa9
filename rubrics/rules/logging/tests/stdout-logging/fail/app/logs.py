import logging, sys
# ruleid: stdout-logging
handler = logging.StreamHandler(sys.stdout)
