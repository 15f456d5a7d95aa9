import os
import subprocess
from subprocess import check_output

def convert(src):
    # ruleid: python-shell-exec
    subprocess.run(["convert", src, "out.png"], check=True)
    # ruleid: python-shell-exec
    os.system("lpr " + src)
    # ruleid: python-shell-exec
    return check_output(["identify", src])
