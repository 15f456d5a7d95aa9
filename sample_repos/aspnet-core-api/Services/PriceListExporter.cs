using System.Globalization;
using System.Text;
using Acme.Catalog.Api.Data;
using Acme.Catalog.Api.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Acme.Catalog.Api.Services;

/// <summary>
/// Writes the published price list as a delimited file. The ERP system picks the files up from
/// the export folder every night.
/// </summary>
public sealed class PriceListExporter
{
    private readonly CatalogDbContext _db;
    private readonly ExportOptions _options;
    private readonly IWebHostEnvironment _environment;
    private readonly ILogger<PriceListExporter> _logger;

    public PriceListExporter(
        CatalogDbContext db,
        IOptions<ExportOptions> options,
        IWebHostEnvironment environment,
        ILogger<PriceListExporter> logger)
    {
        _db = db;
        _options = options.Value;
        _environment = environment;
        _logger = logger;
    }

    public async Task<string> ExportAsync(CancellationToken cancellationToken)
    {
        var products = await _db.Products.AsNoTracking()
            .Where(p => p.IsPublished)
            .OrderBy(p => p.Sku)
            .Select(p => new { p.Sku, p.Name, p.ListPrice, p.Currency, Category = p.Category.Slug })
            .ToListAsync(cancellationToken);

        var separator = _options.Delimiter;
        var lines = new StringBuilder();
        lines.AppendLine(string.Join(separator, "sku", "name", "price", "currency", "category"));
        foreach (var product in products)
        {
            lines.AppendLine(string.Join(
                separator,
                product.Sku,
                Quote(product.Name, separator),
                product.ListPrice.ToString("0.00", CultureInfo.InvariantCulture),
                product.Currency,
                product.Category));
        }

        var folder = Path.IsPathRooted(_options.Directory)
            ? _options.Directory
            : Path.Combine(_environment.ContentRootPath, _options.Directory);
        Directory.CreateDirectory(folder);

        var fileName = $"pricelist-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv";
        var fullPath = Path.Combine(folder, fileName);
        File.WriteAllText(fullPath, lines.ToString(), Encoding.UTF8);

        _logger.LogInformation("Exported {Count} products to {Path}", products.Count, fullPath);
        return fileName;
    }

    private static string Quote(string value, string separator)
    {
        return value.Contains(separator, StringComparison.Ordinal) || value.Contains('"')
            ? "\"" + value.Replace("\"", "\"\"") + "\""
            : value;
    }
}
