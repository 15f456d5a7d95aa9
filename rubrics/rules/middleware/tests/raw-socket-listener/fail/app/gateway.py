import socket
# ruleid: raw-socket-listener
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
