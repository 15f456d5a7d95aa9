<?php
return [
    'default' => env('FILESYSTEM_DISK', 's3'),
];
