using Acme.Catalog.Api.Services;
using Microsoft.AspNetCore.Mvc;

namespace Acme.Catalog.Api.Controllers;

[ApiController]
[Route("api/exports")]
public sealed class ExportsController : ControllerBase
{
    private readonly PriceListExporter _exporter;

    public ExportsController(PriceListExporter exporter)
    {
        _exporter = exporter;
    }

    /// <summary>Writes a fresh price list to the export folder and returns its file name.</summary>
    [HttpPost("price-list")]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> ExportPriceList(CancellationToken cancellationToken)
    {
        var fileName = await _exporter.ExportAsync(cancellationToken);
        return Accepted(new { fileName });
    }
}
