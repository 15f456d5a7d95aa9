<?php
// ruleid: php-in-process-scheduler
#[AsCronTask('0 2 * * *')]
class Purge { public function __invoke() {} }
