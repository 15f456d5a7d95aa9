using Serilog;

var builder = WebApplication.CreateBuilder(args);

// Log.Logger = new LoggerConfiguration().WriteTo.File("logs/app.txt").CreateLogger();
/* lc.WriteTo.File("logs/app-.txt") */
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();
builder.Host.UseSerilog((ctx, lc) => lc.ReadFrom.Configuration(ctx.Configuration).WriteTo.Console());

var app = builder.Build();
app.Run();
