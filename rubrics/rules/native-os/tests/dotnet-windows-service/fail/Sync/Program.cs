var host = Host.CreateDefaultBuilder(args)
    // ruleid: dotnet-windows-service
    .UseWindowsService()
    .Build();
