using Acme.Catalog.Api.Contracts;
using Acme.Catalog.Api.Data;
using Acme.Catalog.Api.Domain;
using Acme.Catalog.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Acme.Catalog.Api.Services;

public sealed class ProductService : IProductService
{
    private readonly CatalogDbContext _db;
    private readonly TimeProvider _clock;
    private readonly ILogger<ProductService> _logger;

    public ProductService(CatalogDbContext db, ILogger<ProductService> logger)
        : this(db, TimeProvider.System, logger)
    {
    }

    internal ProductService(CatalogDbContext db, TimeProvider clock, ILogger<ProductService> logger)
    {
        _db = db;
        _clock = clock;
        _logger = logger;
    }

    public async Task<IReadOnlyList<ProductDto>> ListAsync(int? categoryId, bool publishedOnly, CancellationToken cancellationToken)
    {
        var query = _db.Products.AsNoTracking();
        if (categoryId is not null)
        {
            query = query.Where(p => p.CategoryId == categoryId);
        }

        if (publishedOnly)
        {
            query = query.Where(p => p.IsPublished);
        }

        var products = await query.OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return products.Select(ProductDto.From).ToList();
    }

    public async Task<ProductDto> GetAsync(int id, CancellationToken cancellationToken)
    {
        return ProductDto.From(await FindAsync(id, cancellationToken));
    }

    public async Task<ProductDto> CreateAsync(CreateProductRequest request, CancellationToken cancellationToken)
    {
        if (!await _db.Categories.AnyAsync(c => c.Id == request.CategoryId, cancellationToken))
        {
            throw new NotFoundException("Category", request.CategoryId);
        }

        if (await _db.Products.AnyAsync(p => p.Sku == request.Sku, cancellationToken))
        {
            throw new ConflictException($"A product with SKU '{request.Sku}' already exists.");
        }

        var product = new Product
        {
            Sku = request.Sku.Trim().ToUpperInvariant(),
            Name = request.Name.Trim(),
            Description = request.Description,
            ListPrice = request.ListPrice,
            Currency = request.Currency.ToUpperInvariant(),
            CategoryId = request.CategoryId,
            UpdatedAt = _clock.GetUtcNow(),
        };
        _db.Products.Add(product);
        await _db.SaveChangesAsync(cancellationToken);

        _logger.LogInformation("Created product {Sku} in category {CategoryId}", product.Sku, product.CategoryId);
        return ProductDto.From(product);
    }

    public async Task<ProductDto> ChangePriceAsync(int id, ChangePriceRequest request, CancellationToken cancellationToken)
    {
        var product = await FindAsync(id, cancellationToken);
        var change = product.ChangePrice(request.NewPrice, request.Reason, _clock.GetUtcNow());
        await _db.SaveChangesAsync(cancellationToken);

        _logger.LogInformation(
            "Price of {Sku} changed from {OldPrice} to {NewPrice}: {Reason}",
            product.Sku, change.OldPrice, change.NewPrice, change.Reason);
        return ProductDto.From(product);
    }

    public async Task<ProductDto> PublishAsync(int id, CancellationToken cancellationToken)
    {
        var product = await FindAsync(id, cancellationToken);
        if (string.IsNullOrWhiteSpace(product.Description))
        {
            throw new ConflictException($"Product '{product.Sku}' needs a description before it can be published.");
        }

        product.IsPublished = true;
        product.UpdatedAt = _clock.GetUtcNow();
        await _db.SaveChangesAsync(cancellationToken);
        return ProductDto.From(product);
    }

    public async Task<IReadOnlyList<PriceChangeDto>> PriceHistoryAsync(int id, CancellationToken cancellationToken)
    {
        await FindAsync(id, cancellationToken);
        return await _db.PriceChanges.AsNoTracking()
            .Where(c => c.ProductId == id)
            .OrderByDescending(c => c.ChangedAt)
            .Select(c => new PriceChangeDto(c.OldPrice, c.NewPrice, c.Reason, c.ChangedAt))
            .ToListAsync(cancellationToken);
    }

    private async Task<Product> FindAsync(int id, CancellationToken cancellationToken)
    {
        return await _db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("Product", id);
    }
}
