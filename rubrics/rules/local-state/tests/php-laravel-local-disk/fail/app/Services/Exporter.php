<?php
use Illuminate\Support\Facades\Storage;
class Exporter {
    public function save($csv) {
        // ruleid: php-laravel-local-disk
        Storage::disk('public')->put('exports/latest.csv', $csv);
    }
}
