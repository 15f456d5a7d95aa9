<?php
// ruleid: php-ffi
$ffi = FFI::cdef("int scan(void);", "libtwain.so");
