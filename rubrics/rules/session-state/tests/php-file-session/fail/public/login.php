<?php

if (session_status() !== PHP_SESSION_ACTIVE) {
    // ruleid: php-file-session
    \session_start(['cookie_lifetime' => 86400]);
}
$_SESSION['user'] = $_POST['user'] ?? null;
