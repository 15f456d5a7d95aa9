<?php
return [
    'default' => env('CACHE_DRIVER', 'redis'),
];
