<?php
return [
    // ruleid: sqlite-file-database
    'default' => env('DB_CONNECTION', 'sqlite'),
];
