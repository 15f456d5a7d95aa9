<?php
return [
    'mailgun' => ['secret' => env('MAILGUN_SECRET')],
    'password' => "$prefix-pass",
];
