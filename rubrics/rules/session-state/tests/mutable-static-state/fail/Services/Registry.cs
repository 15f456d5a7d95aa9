public static class Registry
{
    // ruleid: mutable-static-state
    private static readonly Dictionary<string, Client> _clients = new();
}
