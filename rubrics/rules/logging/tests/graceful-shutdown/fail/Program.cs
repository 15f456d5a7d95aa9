var app = builder.Build();
// ruleid: graceful-shutdown
app.Lifetime.ApplicationStopping.Register(() => Console.WriteLine("stopping"));
