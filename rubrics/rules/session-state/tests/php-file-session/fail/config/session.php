<?php

use Illuminate\Support\Str;

return [
    // ruleid: php-file-session
    'driver' => env('SESSION_DRIVER', 'file'),

    'lifetime' => env('SESSION_LIFETIME', 120),

    'files' => storage_path('framework/sessions'),

    'cookie' => env('SESSION_COOKIE', Str::slug(env('APP_NAME', 'laravel'), '_') . '_session'),
];
