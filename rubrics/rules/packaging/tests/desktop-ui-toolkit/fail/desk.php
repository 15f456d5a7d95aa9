<?php
// ruleid: desktop-ui-toolkit
$window = new GtkWindow();
