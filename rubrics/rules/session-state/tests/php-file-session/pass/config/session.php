<?php

return [
    // 'driver' => env('SESSION_DRIVER', 'file'),
    'driver' => env('SESSION_DRIVER', 'redis'),

    'store' => env('SESSION_STORE'),

    'cache_driver' => env('CACHE_DRIVER', 'file'),
];
