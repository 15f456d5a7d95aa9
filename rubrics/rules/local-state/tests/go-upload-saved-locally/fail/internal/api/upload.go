package api

import "github.com/gin-gonic/gin"

func Upload(c *gin.Context) {
    file, _ := c.FormFile("invoice")
    // ruleid: go-upload-saved-locally
    c.SaveUploadedFile(file, "./uploads/"+file.Filename)
}
