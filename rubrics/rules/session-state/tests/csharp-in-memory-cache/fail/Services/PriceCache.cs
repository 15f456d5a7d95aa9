// ruleid: csharp-in-memory-cache
using System.Runtime.Caching;

public class PriceCache
{
    public void Put(string key, object value)
    {
        // ruleid: csharp-in-memory-cache
        MemoryCache.Default.Set(key, value, DateTimeOffset.Now.AddMinutes(5));
        // ruleid: csharp-in-memory-cache
        HttpRuntime.Cache.Insert(key, value);
    }
}
