using System.ServiceModel;
class Program
{
    static void Main()
    {
        // ruleid: dotnet-wcf-server
        using var host = new ServiceHost(typeof(OrderService));
        host.Open();
    }
}
