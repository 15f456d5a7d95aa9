var builder = Host.CreateApplicationBuilder(args);
// builder.Logging.AddEventLog();
builder.Logging.AddConsole();
