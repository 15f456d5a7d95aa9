<?php

require __DIR__ . '/../vendor/autoload.php';

// ruleid: php-file-session
session_start();

if (!isset($_SESSION['cart'])) {
    $_SESSION['cart'] = [];
}
