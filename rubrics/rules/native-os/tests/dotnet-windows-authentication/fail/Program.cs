var builder = WebApplication.CreateBuilder(args);
// ruleid: dotnet-windows-authentication
builder.Services.AddAuthentication(NegotiateDefaults.AuthenticationScheme).AddNegotiate();
