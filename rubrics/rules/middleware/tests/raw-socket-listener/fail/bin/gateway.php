<?php
// ruleid: raw-socket-listener
$server = stream_socket_server("tcp://0.0.0.0:9100", $errno, $errstr);
