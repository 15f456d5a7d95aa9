using System;

namespace Acme.Billing
{
    public static class Settings
    {
        // ruleid: config-from-environment
        public static string ConnectionString => Environment.GetEnvironmentVariable("BILLING_DB") ?? "";
    }
}
