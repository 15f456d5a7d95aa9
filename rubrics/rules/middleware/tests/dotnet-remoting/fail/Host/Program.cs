// ruleid: dotnet-remoting
using System.Runtime.Remoting;
class Program
{
    static void Main()
    {
        // ruleid: dotnet-remoting
        RemotingConfiguration.Configure("Host.exe.config", false);
    }
}
