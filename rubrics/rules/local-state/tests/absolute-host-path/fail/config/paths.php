<?php
return [
    // ruleid: absolute-host-path
    'scans' => 'E:/scans/incoming',
];
