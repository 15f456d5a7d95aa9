using Acme.Catalog.Api.Contracts;
using Acme.Catalog.Api.Services;
using Microsoft.AspNetCore.Mvc;

namespace Acme.Catalog.Api.Controllers;

[ApiController]
[Route("api/products")]
[Produces("application/json")]
public sealed class ProductsController : ControllerBase
{
    private readonly IProductService _products;
    private readonly InventoryClient _inventory;

    public ProductsController(IProductService products, InventoryClient inventory)
    {
        _products = products;
        _inventory = inventory;
    }

    [HttpGet]
    public Task<IReadOnlyList<ProductDto>> List(
        [FromQuery] int? categoryId,
        [FromQuery] bool publishedOnly = true,
        CancellationToken cancellationToken = default)
    {
        return _products.ListAsync(categoryId, publishedOnly, cancellationToken);
    }

    [HttpGet("{id:int}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ProductAvailabilityDto>> Get(int id, CancellationToken cancellationToken)
    {
        var product = await _products.GetAsync(id, cancellationToken);
        var available = await _inventory.GetAvailableAsync(product.Sku, cancellationToken);
        return new ProductAvailabilityDto(product, available);
    }

    [HttpPost]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<ProductDto>> Create(CreateProductRequest request, CancellationToken cancellationToken)
    {
        var product = await _products.CreateAsync(request, cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = product.Id }, product);
    }

    [HttpPut("{id:int}/price")]
    public Task<ProductDto> ChangePrice(int id, ChangePriceRequest request, CancellationToken cancellationToken)
    {
        return _products.ChangePriceAsync(id, request, cancellationToken);
    }

    [HttpPost("{id:int}/publication")]
    public Task<ProductDto> Publish(int id, CancellationToken cancellationToken)
    {
        return _products.PublishAsync(id, cancellationToken);
    }

    [HttpGet("{id:int}/price-history")]
    public Task<IReadOnlyList<PriceChangeDto>> PriceHistory(int id, CancellationToken cancellationToken)
    {
        return _products.PriceHistoryAsync(id, cancellationToken);
    }
}
