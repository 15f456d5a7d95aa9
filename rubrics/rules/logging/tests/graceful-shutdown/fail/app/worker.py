import signal, sys
# ruleid: graceful-shutdown
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
