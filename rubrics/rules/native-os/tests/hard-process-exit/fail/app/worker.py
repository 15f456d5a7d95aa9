import os
def crash():
    # ruleid: hard-process-exit
    os._exit(3)
