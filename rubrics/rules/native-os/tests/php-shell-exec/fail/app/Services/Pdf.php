<?php
class Pdf {
    public function render() {
        // ruleid: php-shell-exec
        exec('wkhtmltopdf in.html out.pdf');
        // ruleid: php-shell-exec
        $v = shell_exec('convert -version');
        // ruleid: php-shell-exec
        $w = `whoami`;
    }
}
