using System.Net;
using Acme.Catalog.Api.Options;
using Microsoft.Extensions.Options;

namespace Acme.Catalog.Api.Services;

/// <summary>Reads stock availability from the inventory service.</summary>
public sealed class InventoryClient
{
    private readonly HttpClient _http;
    private readonly ILogger<InventoryClient> _logger;

    public InventoryClient(HttpClient http, IOptions<InventoryApiOptions> options, ILogger<InventoryClient> logger)
    {
        _http = http;
        _http.BaseAddress = options.Value.BaseUrl;
        _http.Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
        _logger = logger;
    }

    private sealed record StockResponse(string Sku, int Available);

    /// <summary>Units available for the SKU, or null when the inventory service cannot tell.</summary>
    public async Task<int?> GetAvailableAsync(string sku, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync($"api/stock/{Uri.EscapeDataString(sku)}", cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return 0;
            }

            response.EnsureSuccessStatusCode();
            var stock = await response.Content.ReadFromJsonAsync<StockResponse>(cancellationToken: cancellationToken);
            return stock?.Available;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            _logger.LogWarning(ex, "Inventory service unavailable for {Sku}", sku);
            return null;
        }
    }
}
