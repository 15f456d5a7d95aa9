<?php
use Monolog\Logger;
use Monolog\Handler\StreamHandler;
$log = new Logger('app');
// ruleid: php-log-to-file
$log->pushHandler(new StreamHandler(__DIR__ . '/../var/app.log'));
// ruleid: php-log-to-file
error_log("failed", 3, "/var/log/app/errors.log");
