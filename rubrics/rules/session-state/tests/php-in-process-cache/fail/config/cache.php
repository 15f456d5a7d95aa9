<?php
return [
    // ruleid: php-in-process-cache
    'default' => env('CACHE_DRIVER', 'file'),
];
