<?php
// ruleid: embedded-file-database
$pdo = new PDO('sqlite:/var/www/data/app.sqlite');
