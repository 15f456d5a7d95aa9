using Acme.Catalog.Api.Contracts;
using Acme.Catalog.Api.Data;
using Acme.Catalog.Api.Domain;
using Acme.Catalog.Api.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Acme.Catalog.Api.Controllers;

[ApiController]
[Route("api/categories")]
public sealed class CategoriesController : ControllerBase
{
    private readonly CatalogDbContext _db;

    public CategoriesController(CatalogDbContext db)
    {
        _db = db;
    }

    [HttpGet]
    public async Task<IReadOnlyList<CategoryDto>> List(CancellationToken cancellationToken)
    {
        return await _db.Categories.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new CategoryDto(c.Id, c.Name, c.Slug, c.ParentId, c.Products.Count))
            .ToListAsync(cancellationToken);
    }

    [HttpPost]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<CategoryDto>> Create(CreateCategoryRequest request, CancellationToken cancellationToken)
    {
        if (request.ParentId is int parentId && !await _db.Categories.AnyAsync(c => c.Id == parentId, cancellationToken))
        {
            throw new NotFoundException("Category", parentId);
        }

        if (await _db.Categories.AnyAsync(c => c.Slug == request.Slug, cancellationToken))
        {
            throw new ConflictException($"The slug '{request.Slug}' is taken.");
        }

        var category = new Category { Name = request.Name, Slug = request.Slug, ParentId = request.ParentId };
        _db.Categories.Add(category);
        await _db.SaveChangesAsync(cancellationToken);

        var dto = new CategoryDto(category.Id, category.Name, category.Slug, category.ParentId, 0);
        return CreatedAtAction(nameof(List), null, dto);
    }

    /// <summary>
    /// Merges a category into another one: its products move, the merge is recorded for the ERP
    /// mapping, and the category tree is rebuilt by the stored procedure the DBAs maintain.
    /// </summary>
    [HttpPost("{id:int}/merge-into/{targetId:int}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Merge(int id, int targetId, CancellationToken cancellationToken)
    {
        if (id == targetId)
        {
            throw new ConflictException("A category cannot be merged into itself.");
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var source = await _db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("Category", id);
        var target = await _db.Categories.FirstOrDefaultAsync(c => c.Id == targetId, cancellationToken)
            ?? throw new NotFoundException("Category", targetId);

        var moved = await MoveProductsAsync(source.Id, target.Id, cancellationToken);
        _db.Categories.Remove(source);
        await _db.SaveChangesAsync(cancellationToken);

        await _db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO catalog.CategoryMerges (SourceCategoryId, TargetCategoryId, ProductsMoved, MergedAt) VALUES ({source.Id}, {target.Id}, {moved}, SYSUTCDATETIME())",
            cancellationToken);
        await _db.Database.ExecuteSqlRawAsync("EXEC catalog.RebuildCategoryTree", cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return NoContent();
    }

    private Task<int> MoveProductsAsync(int sourceId, int targetId, CancellationToken cancellationToken)
    {
        return _db.Products
            .Where(p => p.CategoryId == sourceId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CategoryId, targetId), cancellationToken);
    }
}
