<?php

// file_put_contents('report.json', $json);
# $fh = fopen('audit.log', 'a');
/*
 * mkdir(__DIR__ . '/exports', 0755, true);
 * move_uploaded_file($_FILES['f']['tmp_name'], 'uploads/f.pdf');
 */

$config = file_get_contents(__DIR__ . '/config.json');
$in = fopen(__DIR__ . '/data.csv', 'r');
$rows = fgetcsv($in);
fclose($in);

$tmp = tempnam(sys_get_temp_dir(), 'exp');
file_put_contents($tmp, $config);
file_put_contents(sys_get_temp_dir() . '/last-run', (string) time());
move_uploaded_file($_FILES['f']['tmp_name'], sys_get_temp_dir() . '/upload.bin');

$out = fopen('php://output', 'w');
fputcsv($out, $rows);
$mem = fopen('php://memory', 'w+');
