# ruleid: file-system-watcher
listener = Listen.to("inbox") { |modified, added, removed| puts added }
