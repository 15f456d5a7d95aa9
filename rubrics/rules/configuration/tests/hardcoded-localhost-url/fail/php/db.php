<?php

// ruleid: hardcoded-localhost-url
$dsn = 'mysql://root@127.0.0.1:3306/shop';
