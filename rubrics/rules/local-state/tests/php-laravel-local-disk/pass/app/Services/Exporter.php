<?php
use Illuminate\Support\Facades\Storage;
class Exporter {
    public function save($csv) {
        // Storage::disk('local')->put('x.csv', $csv);
        Storage::disk('s3')->put('exports/latest.csv', $csv);
        $exists = Storage::disk('local')->exists('exports/latest.csv');
    }
}
