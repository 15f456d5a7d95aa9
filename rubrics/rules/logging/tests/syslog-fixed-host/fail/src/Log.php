<?php
use Monolog\Handler\SyslogUdpHandler;
// ruleid: syslog-fixed-host
$handler = new SyslogUdpHandler('logs01.corp.acme.com', 514);
