<?php
// ruleid: hardcoded-ip-address
return ['ldap' => 'ldap://172.20.1.3'];
