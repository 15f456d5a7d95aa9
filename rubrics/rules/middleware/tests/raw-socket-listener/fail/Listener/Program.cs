// ruleid: raw-socket-listener
var listener = new TcpListener(IPAddress.Any, 9100);
