package main

import "github.com/fsnotify/fsnotify"

func main() {
    // ruleid: file-system-watcher
    w, _ := fsnotify.NewWatcher()
    _ = w.Add("./inbox")
}
