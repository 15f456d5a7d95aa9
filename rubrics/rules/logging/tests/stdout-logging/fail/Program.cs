var builder = WebApplication.CreateBuilder(args);
// ruleid: stdout-logging
builder.Logging.AddJsonConsole();
