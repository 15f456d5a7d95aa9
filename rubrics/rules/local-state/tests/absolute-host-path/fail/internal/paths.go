package internal

// ruleid: absolute-host-path
const Spool = "/media/usb0/spool"
