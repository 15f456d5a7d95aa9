<?php
class Archive
{
    public function write(string $csv): void
    {
        $folder = '/var/www/archive';
        $file = $folder . '/export.csv';
        // ruleid: php-local-file-write
        file_put_contents($file, $csv);
    }
}
