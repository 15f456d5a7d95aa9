<?php
// ruleid: graceful-shutdown
pcntl_signal(SIGTERM, function () { exit(0); });
