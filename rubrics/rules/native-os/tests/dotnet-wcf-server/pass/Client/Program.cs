using System.ServiceModel;
class Program
{
    // new ServiceHost(typeof(OrderService))
    static void Main() => new ChannelFactory<IOrderService>(new BasicHttpBinding(), "http://orders/svc");
}
