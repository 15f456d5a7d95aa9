var builder = WebApplication.CreateBuilder(args);
// ruleid: fixed-bind-address
builder.WebHost.UseUrls("http://localhost:5000");
