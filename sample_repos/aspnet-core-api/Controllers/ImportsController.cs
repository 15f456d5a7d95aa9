using Acme.Catalog.Api.Contracts;
using Acme.Catalog.Api.Services;
using Microsoft.AspNetCore.Mvc;

namespace Acme.Catalog.Api.Controllers;

[ApiController]
[Route("api/imports")]
public sealed class ImportsController : ControllerBase
{
    private const long MaxFeedBytes = 50 * 1024 * 1024;

    private readonly ProductImportService _importer;

    public ImportsController(ProductImportService importer)
    {
        _importer = importer;
    }

    [HttpPost("products")]
    [RequestSizeLimit(MaxFeedBytes)]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<ImportResultDto>> ImportProducts(IFormFile feed, CancellationToken cancellationToken)
    {
        if (feed.Length == 0)
        {
            return BadRequest("The feed is empty.");
        }

        return await _importer.ImportAsync(feed, cancellationToken);
    }
}
