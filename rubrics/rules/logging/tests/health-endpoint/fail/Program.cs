var builder = WebApplication.CreateBuilder(args);
// ruleid: health-endpoint
builder.Services.AddHealthChecks();
