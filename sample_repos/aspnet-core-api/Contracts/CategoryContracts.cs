using System.ComponentModel.DataAnnotations;

namespace Acme.Catalog.Api.Contracts;

public sealed record CategoryDto(int Id, string Name, string Slug, int? ParentId, int ProductCount);

public sealed class CreateCategoryRequest
{
    [Required, StringLength(120)]
    public string Name { get; init; } = string.Empty;

    [Required, RegularExpression("^[a-z0-9-]+$"), StringLength(120)]
    public string Slug { get; init; } = string.Empty;

    public int? ParentId { get; init; }
}
