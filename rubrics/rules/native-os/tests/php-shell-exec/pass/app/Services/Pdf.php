<?php
// exec('wkhtmltopdf in.html out.pdf');
$pdo->exec('select 1');
$stmt->execute();
