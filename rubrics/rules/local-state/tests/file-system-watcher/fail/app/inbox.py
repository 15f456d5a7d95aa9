# ruleid: file-system-watcher
from watchdog.observers import Observer
