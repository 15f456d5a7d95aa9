# from watchdog.observers import Observer
import os
files = os.listdir("inbox")
