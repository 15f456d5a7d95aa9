var builder = WebApplication.CreateBuilder(args);
// ruleid: csharp-in-memory-cache
builder.Services.AddDistributedMemoryCache();
builder.Services.AddSession();
