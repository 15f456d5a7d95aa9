<?php
return [
    'mailgun' => [
        // ruleid: hardcoded-secret-in-code
        'secret' => 'key-3ax6xnjp29jd6fds',
    ],
];
// ruleid: hardcoded-secret-in-code
$dbPassword = "mysql-pw-99";
