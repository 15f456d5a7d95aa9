<?php
// ruleid: hardware-device-access
$fd = fopen('/dev/ttyS0', 'r+');
