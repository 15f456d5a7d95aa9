namespace Acme.Catalog.Api.Domain;

public class PriceChange
{
    public long Id { get; set; }

    public int ProductId { get; set; }

    public Product Product { get; set; } = default!;

    public decimal OldPrice { get; set; }

    public decimal NewPrice { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateTimeOffset ChangedAt { get; set; }
}
