using Acme.Catalog.Api.Contracts;

namespace Acme.Catalog.Api.Services;

public interface IProductService
{
    Task<IReadOnlyList<ProductDto>> ListAsync(int? categoryId, bool publishedOnly, CancellationToken cancellationToken);

    Task<ProductDto> GetAsync(int id, CancellationToken cancellationToken);

    Task<ProductDto> CreateAsync(CreateProductRequest request, CancellationToken cancellationToken);

    Task<ProductDto> ChangePriceAsync(int id, ChangePriceRequest request, CancellationToken cancellationToken);

    Task<ProductDto> PublishAsync(int id, CancellationToken cancellationToken);

    Task<IReadOnlyList<PriceChangeDto>> PriceHistoryAsync(int id, CancellationToken cancellationToken);
}
