module github.com/acme/stock-service

go 1.22

toolchain go1.22.5
