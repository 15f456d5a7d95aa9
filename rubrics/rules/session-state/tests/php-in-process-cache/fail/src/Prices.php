<?php
use Symfony\Component\Cache\Adapter\FilesystemAdapter;
class Prices {
    public function get($sku) {
        // ruleid: php-in-process-cache
        $hit = apcu_fetch("price:$sku");
        // ruleid: php-in-process-cache
        $cache = new FilesystemAdapter();
        return $hit;
    }
}
