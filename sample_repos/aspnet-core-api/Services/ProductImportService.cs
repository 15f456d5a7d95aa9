using System.Globalization;
using Acme.Catalog.Api.Contracts;
using Acme.Catalog.Api.Data;
using Acme.Catalog.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Acme.Catalog.Api.Services;

/// <summary>
/// Bulk import of products from the supplier's CSV feed (sku;name;price;categorySlug).
/// Uploads are spooled to a temporary file so that large feeds are not held in memory.
/// </summary>
public sealed class ProductImportService
{
    private const char Separator = ';';

    private readonly CatalogDbContext _db;
    private readonly ILogger<ProductImportService> _logger;

    public ProductImportService(CatalogDbContext db, ILogger<ProductImportService> logger)
    {
        _db = db;
        _logger = logger;
    }

    public async Task<ImportResultDto> ImportAsync(IFormFile upload, CancellationToken cancellationToken)
    {
        var tempPath = Path.Combine(Path.GetTempPath(), $"catalog-import-{Guid.NewGuid():N}.csv");
        try
        {
            using (var spool = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write))
            {
                upload.CopyTo(spool);
            }

            return await ImportFileAsync(tempPath, cancellationToken);
        }
        finally
        {
            File.Delete(tempPath);
        }
    }

    private async Task<ImportResultDto> ImportFileAsync(string path, CancellationToken cancellationToken)
    {
        var categories = await _db.Categories.AsNoTracking()
            .ToDictionaryAsync(c => c.Slug, c => c.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var errors = new List<string>();
        int created = 0, updated = 0, lineNumber = 0;

        foreach (var line in File.ReadLines(path).Skip(1))
        {
            lineNumber++;
            var fields = line.Split(Separator);
            if (fields.Length != 4)
            {
                errors.Add($"Line {lineNumber}: expected 4 fields, found {fields.Length}.");
                continue;
            }

            var sku = fields[0].Trim().ToUpperInvariant();
            if (!decimal.TryParse(fields[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var price) || price <= 0)
            {
                errors.Add($"Line {lineNumber}: invalid price '{fields[2]}'.");
                continue;
            }

            if (!categories.TryGetValue(fields[3].Trim(), out var categoryId))
            {
                errors.Add($"Line {lineNumber}: unknown category '{fields[3]}'.");
                continue;
            }

            var product = await _db.Products.FirstOrDefaultAsync(p => p.Sku == sku, cancellationToken);
            if (product is null)
            {
                _db.Products.Add(new Product
                {
                    Sku = sku,
                    Name = fields[1].Trim(),
                    ListPrice = price,
                    CategoryId = categoryId,
                    UpdatedAt = DateTimeOffset.UtcNow,
                });
                created++;
            }
            else
            {
                if (product.ListPrice != price)
                {
                    product.ChangePrice(price, "Supplier feed import", DateTimeOffset.UtcNow);
                }

                product.Name = fields[1].Trim();
                product.CategoryId = categoryId;
                updated++;
            }
        }

        await _db.SaveChangesAsync(cancellationToken);
        _logger.LogInformation("Import finished: {Created} created, {Updated} updated, {Errors} errors", created, updated, errors.Count);
        return new ImportResultDto(created, updated, errors);
    }
}
