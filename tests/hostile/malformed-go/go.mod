module
go 1.21
require (
  github.com/x/y
