class Inbox {
    // ruleid: file-system-watcher
    System.IO.FileSystemWatcher watcher = new FileSystemWatcher(@"D:\inbox", "*.xml");
}
