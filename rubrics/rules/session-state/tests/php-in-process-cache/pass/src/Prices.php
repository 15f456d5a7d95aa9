<?php
// apcu_fetch("price:1");
use Symfony\Component\Cache\Adapter\RedisAdapter;
$cache = new RedisAdapter(RedisAdapter::createConnection(getenv('REDIS_URL')));
