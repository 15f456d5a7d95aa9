var builder = WebApplication.CreateBuilder(args);
// ruleid: privileged-port
builder.WebHost.UseUrls("http://*:80");
