<?php
return [
    // ruleid: php-laravel-local-disk
    'default' => env('FILESYSTEM_DISK', 'local'),
];
