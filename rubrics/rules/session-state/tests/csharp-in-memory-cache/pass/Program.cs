var builder = WebApplication.CreateBuilder(args);
// builder.Services.AddDistributedMemoryCache();
builder.Services.AddStackExchangeRedisCache(o => o.Configuration = builder.Configuration["Redis"]);
