package pdf

// exec.Command("wkhtmltopdf")
func Render(db DB) error { _, err := db.Exec("select 1"); return err }
