<?php
class Spool
{
    public function write(string $csv): string
    {
        $scratch = sys_get_temp_dir();
        $file = $scratch . '/export.csv';
        file_put_contents($file, $csv);
        return $file;
    }
}
