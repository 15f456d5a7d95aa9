<?php

// $dsn = getenv('DATABASE_URL');
$dsn = $_ENV['DATABASE_URL'] ?? '';
$debug = $config->env('APP_DEBUG');
