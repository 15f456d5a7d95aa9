public static class Paths
{
    // ruleid: absolute-host-path
    public const string Drop = @"D:\Drop\Incoming";
    // ruleid: absolute-host-path
    public const string Share = @"\\nas01\scans";
}
