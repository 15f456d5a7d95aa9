<?php

// ruleid: config-from-environment
$dsn = getenv('DATABASE_URL');
// ruleid: config-from-environment
$debug = env('APP_DEBUG', false);
