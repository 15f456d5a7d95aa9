<?php

// session_start();
/*
 * session_start(['cookie_lifetime' => 86400]);
 */

ini_set('session.save_handler', 'redis');
ini_set('session.save_path', getenv('REDIS_URL'));
session_start();

$_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
