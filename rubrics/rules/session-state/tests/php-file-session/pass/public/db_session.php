<?php

require __DIR__ . '/DatabaseSessionHandler.php';

session_set_save_handler(new DatabaseSessionHandler($pdo), true);
session_start();

// look-alike: a session object's own start() method
$session = new \Symfony\Component\HttpFoundation\Session\Session();
$session->start();
