package main

// ruleid: desktop-ui-toolkit
import "fyne.io/fyne/v2/app"

func main() { app.New().NewWindow("Desk").ShowAndRun() }
