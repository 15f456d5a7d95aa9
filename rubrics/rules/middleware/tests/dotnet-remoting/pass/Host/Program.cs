// using System.Runtime.Remoting;
using Grpc.Net.Client;
class Program { static void Main() => GrpcChannel.ForAddress("http://rates:8080"); }
