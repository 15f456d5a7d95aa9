<?php
$shell = new COM("WScript.Shell");
// ruleid: windows-registry
$key = $shell->RegRead("HKLM\\SOFTWARE\\Acme\\Licence");
