// ruleid: dotnet-windows-service
using System.ServiceProcess;
static class Program
{
    static void Main()
    {
        // ruleid: dotnet-windows-service
        ServiceBase.Run(new ServiceBase[] { new ExportService() });
    }
}
