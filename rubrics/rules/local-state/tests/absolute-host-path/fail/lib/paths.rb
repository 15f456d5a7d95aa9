# ruleid: absolute-host-path
ARCHIVE = "/home/rails/archive/2019"
