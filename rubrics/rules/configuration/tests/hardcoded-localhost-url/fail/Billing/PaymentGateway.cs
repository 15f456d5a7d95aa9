using System;
using System.Net.Http;

namespace Acme.Billing
{
    public class PaymentGateway
    {
        // ruleid: hardcoded-localhost-url
        private readonly HttpClient _client = new HttpClient { BaseAddress = new Uri("https://localhost:5001/") };
    }
}
