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
}
