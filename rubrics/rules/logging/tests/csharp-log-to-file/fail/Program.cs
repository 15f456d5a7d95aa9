using Serilog;

var builder = WebApplication.CreateBuilder(args);

// ruleid: csharp-log-to-file
Log.Logger = new LoggerConfiguration().WriteTo.Console().WriteTo.File("logs/startup.txt").CreateLogger();

// ruleid: csharp-log-to-file
builder.Host.UseSerilog((ctx, lc) => lc.ReadFrom.Configuration(ctx.Configuration).WriteTo.File("logs/app-.txt", rollingInterval: RollingInterval.Day));

var auditLogger = new LoggerConfiguration()
    .MinimumLevel.Information()
    // ruleid: csharp-log-to-file
    .WriteTo.File("logs/audit-.txt", rollingInterval: RollingInterval.Day)
    .CreateLogger();

var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();
