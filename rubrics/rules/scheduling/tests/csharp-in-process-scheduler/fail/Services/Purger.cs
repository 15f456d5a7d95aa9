public class Purger
{
    // ruleid: csharp-in-process-scheduler
    private readonly System.Threading.Timer _timer = new System.Threading.Timer(_ => Purge(), null, 0, 60000);
}
