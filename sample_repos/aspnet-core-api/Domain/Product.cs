namespace Acme.Catalog.Api.Domain;

public class Product
{
    public int Id { get; set; }

    public string Sku { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public decimal ListPrice { get; set; }

    public string Currency { get; set; } = "EUR";

    public bool IsPublished { get; set; }

    public int CategoryId { get; set; }

    public Category Category { get; set; } = default!;

    public DateTimeOffset UpdatedAt { get; set; }

    public ICollection<PriceChange> PriceHistory { get; set; } = new List<PriceChange>();

    /// <summary>Changes the list price and records the change for the pricing audit.</summary>
    public PriceChange ChangePrice(decimal newPrice, string reason, DateTimeOffset now)
    {
        if (newPrice <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(newPrice), "A list price must be positive.");
        }

        var change = new PriceChange
        {
            Product = this,
            OldPrice = ListPrice,
            NewPrice = newPrice,
            Reason = reason,
            ChangedAt = now,
        };
        ListPrice = newPrice;
        UpdatedAt = now;
        PriceHistory.Add(change);
        return change;
    }
}
