<?php
return [
    'channels' => [
        'daily' => [
            'driver' => 'daily',
            // ruleid: php-log-to-file
            'path' => storage_path('logs/laravel.log'),
        ],
    ],
];
