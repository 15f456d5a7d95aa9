package pdf

import "os/exec"

func Render() error {
    // ruleid: go-exec-command
    return exec.Command("wkhtmltopdf", "in.html", "out.pdf").Run()
}
