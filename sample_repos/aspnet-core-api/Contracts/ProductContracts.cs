using System.ComponentModel.DataAnnotations;
using Acme.Catalog.Api.Domain;

namespace Acme.Catalog.Api.Contracts;

public sealed record ProductDto(
    int Id,
    string Sku,
    string Name,
    string? Description,
    decimal ListPrice,
    string Currency,
    bool IsPublished,
    int CategoryId,
    DateTimeOffset UpdatedAt)
{
    public static ProductDto From(Product product) => new(
        product.Id,
        product.Sku,
        product.Name,
        product.Description,
        product.ListPrice,
        product.Currency,
        product.IsPublished,
        product.CategoryId,
        product.UpdatedAt);
}

public sealed record ProductAvailabilityDto(ProductDto Product, int? Available);

public sealed class CreateProductRequest
{
    [Required, StringLength(40)]
    public string Sku { get; init; } = string.Empty;

    [Required, StringLength(200)]
    public string Name { get; init; } = string.Empty;

    public string? Description { get; init; }

    [Range(0.01, 1_000_000)]
    public decimal ListPrice { get; init; }

    [Required, StringLength(3, MinimumLength = 3)]
    public string Currency { get; init; } = "EUR";

    public int CategoryId { get; init; }
}

public sealed class ChangePriceRequest
{
    [Range(0.01, 1_000_000)]
    public decimal NewPrice { get; init; }

    [Required, StringLength(250)]
    public string Reason { get; init; } = string.Empty;
}

public sealed record PriceChangeDto(decimal OldPrice, decimal NewPrice, string Reason, DateTimeOffset ChangedAt);

public sealed record ImportResultDto(int Created, int Updated, IReadOnlyList<string> Errors);
