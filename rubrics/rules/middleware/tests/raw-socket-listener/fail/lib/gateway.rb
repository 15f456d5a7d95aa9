require "socket"
# ruleid: raw-socket-listener
server = TCPServer.new(9100)
