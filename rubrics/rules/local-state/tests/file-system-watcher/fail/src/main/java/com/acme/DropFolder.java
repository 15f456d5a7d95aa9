package com.acme;
import java.nio.file.*;
class DropFolder {
    void watch(Path dir) throws Exception {
        // ruleid: file-system-watcher
        WatchService ws = FileSystems.getDefault().newWatchService();
        dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE);
    }
}
