var builder = Host.CreateApplicationBuilder(args);
// ruleid: windows-event-log
builder.Logging.AddEventLog();
