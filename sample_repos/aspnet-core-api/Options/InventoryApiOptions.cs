namespace Acme.Catalog.Api.Options;

public sealed class InventoryApiOptions
{
    public const string Section = "InventoryApi";

    public Uri BaseUrl { get; set; } = default!;

    public int TimeoutSeconds { get; set; } = 5;
}
