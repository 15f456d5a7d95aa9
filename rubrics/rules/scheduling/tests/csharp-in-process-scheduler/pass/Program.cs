var builder = WebApplication.CreateBuilder(args);
// RecurringJob.AddOrUpdate("nightly", () => Run(), Cron.Daily);
var sw = new System.Diagnostics.Stopwatch();
BackgroundJob.Enqueue(() => Run());
