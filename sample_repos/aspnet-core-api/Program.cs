using Acme.Catalog.Api.Data;
using Acme.Catalog.Api.Infrastructure;
using Acme.Catalog.Api.Options;
using Acme.Catalog.Api.Services;
using Microsoft.EntityFrameworkCore;
using Serilog;
using Serilog.Events;

// Log files go next to the binaries unless the host says otherwise.
var logDirectory = Environment.GetEnvironmentVariable("CATALOG_LOG_DIR")
    ?? Path.Combine(AppContext.BaseDirectory, "logs");

var loggerConfiguration = new LoggerConfiguration()
    .MinimumLevel.Information()
    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
    .Enrich.FromLogContext()
    .WriteTo.Console();
loggerConfiguration.WriteTo.File(Path.Combine(logDirectory, "catalog-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
Log.Logger = loggerConfiguration.CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Host.UseSerilog();

    builder.Services.AddDbContext<CatalogDbContext>(options =>
        options.UseSqlServer(builder.Configuration.GetConnectionString("Catalog")));

    builder.Services.Configure<ExportOptions>(builder.Configuration.GetSection(ExportOptions.Section));
    builder.Services.Configure<InventoryApiOptions>(builder.Configuration.GetSection(InventoryApiOptions.Section));

    builder.Services.AddScoped<IProductService, ProductService>();
    builder.Services.AddScoped<PriceListExporter>();
    builder.Services.AddScoped<ProductImportService>();
    builder.Services.AddHttpClient<InventoryClient>();

    builder.Services.AddControllers();
    builder.Services.AddEndpointsApiExplorer();
    builder.Services.AddSwaggerGen();
    builder.Services.AddHealthChecks().AddDbContextCheck<CatalogDbContext>();

    var app = builder.Build();

    app.UseMiddleware<ExceptionHandlingMiddleware>();
    app.UseSerilogRequestLogging();

    if (app.Environment.IsDevelopment())
    {
        app.UseSwagger();
        app.UseSwaggerUI();
    }

    app.MapControllers();
    app.MapHealthChecks("/health");

    app.Run();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "Catalog API terminated unexpectedly");
}
finally
{
    Log.CloseAndFlush();
}
