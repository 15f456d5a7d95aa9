<?php
use Monolog\Handler\StreamHandler;
// $log->pushHandler(new StreamHandler('app.log'));
$log->pushHandler(new StreamHandler('php://stderr'));
error_log("failed");
$path = storage_path('app/exports');
