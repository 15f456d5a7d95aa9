var builder = WebApplication.CreateBuilder(args);
// ruleid: csharp-in-process-scheduler
builder.Services.AddHangfireServer();
var app = builder.Build();
// ruleid: csharp-in-process-scheduler
RecurringJob.AddOrUpdate<ReportJob>("nightly", j => j.Run(), Cron.Daily);
