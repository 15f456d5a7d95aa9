<?php
// $ffi = FFI::cdef("int scan(void);", "libtwain.so");
$x = json_decode('{}');
