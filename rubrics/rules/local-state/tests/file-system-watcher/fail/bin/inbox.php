<?php
// ruleid: file-system-watcher
$fd = inotify_init();
