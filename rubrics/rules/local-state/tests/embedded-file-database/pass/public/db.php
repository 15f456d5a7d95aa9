<?php
$pdo = new PDO('sqlite::memory:');
$mysql = new PDO('mysql:host=db;dbname=shop');
