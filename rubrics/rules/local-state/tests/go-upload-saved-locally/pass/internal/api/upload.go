package api

import (
    "os"
    "path/filepath"

    "github.com/gin-gonic/gin"
)

func Upload(c *gin.Context) {
    file, _ := c.FormFile("invoice")
    // c.SaveUploadedFile(file, "./uploads/"+file.Filename)
    dir, _ := os.MkdirTemp("", "upload")
    dst := filepath.Join(dir, file.Filename)
    c.SaveUploadedFile(file, dst)
}
