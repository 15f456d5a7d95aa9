<?php
return [
    'stderr' => [
        'driver' => 'monolog',
        // ruleid: stdout-logging
        'with' => ['stream' => 'php://stderr'],
    ],
];
