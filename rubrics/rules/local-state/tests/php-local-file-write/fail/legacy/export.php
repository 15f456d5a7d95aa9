<?php

$dir = __DIR__ . '/exports';
// ruleid: php-local-file-write
if (!is_dir($dir) && !mkdir($dir, 0755, true)) {
    exit('cannot create the export folder');
}

$rows = [['id' => 1, 'total' => 10.5]];
// ruleid: php-local-file-write
file_put_contents($dir . '/report.json', json_encode($rows));

// ruleid: php-local-file-write
$fh = fopen($dir . '/audit.log', 'a');
fwrite($fh, date('c') . " export\n");
fclose($fh);

if (isset($_FILES['attachment'])) {
    $target = $dir . '/' . basename($_FILES['attachment']['name']);
    // ruleid: php-local-file-write
    move_uploaded_file($_FILES['attachment']['tmp_name'], $target);
}
