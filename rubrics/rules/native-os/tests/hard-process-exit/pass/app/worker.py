import sys
def main():
    # os._exit(3)
    sys.exit(main_loop())
