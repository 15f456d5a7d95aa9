// using System.ServiceProcess;
var host = Host.CreateDefaultBuilder(args).ConfigureServices(s => s.AddHostedService<Export>()).Build();
