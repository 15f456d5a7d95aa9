import os
import tempfile


def spool(data):
    scratch = tempfile.mkdtemp()
    return os.path.join(scratch, "x")


def export(data):
    scratch = "exports"
    target = os.path.join(scratch, "out.csv")
    # ruleid: python-local-file-write
    with open(target, "w") as fh:
        fh.write(data)
