import socket, struct
# ruleid: multicast-networking
GROUP = "239.255.0.1"
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
mreq = struct.pack("4sl", socket.inet_aton(GROUP), socket.INADDR_ANY)
# ruleid: multicast-networking
sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
