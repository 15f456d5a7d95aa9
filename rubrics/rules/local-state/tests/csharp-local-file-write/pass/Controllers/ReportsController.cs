using Microsoft.AspNetCore.Mvc;

namespace Acme.Billing.Controllers
{
    public class ReportsController : Controller
    {
        private readonly IReportRenderer _renderer;

        public ReportsController(IReportRenderer renderer)
        {
            _renderer = renderer;
        }

        public IActionResult Download(string id)
        {
            byte[] pdf = _renderer.Render(id);
            // MVC's File(...) result streams bytes to the client; it is not System.IO.File
            return File(pdf, "application/pdf", id + ".pdf");
        }
    }

    public interface IReportRenderer
    {
        byte[] Render(string id);
    }
}
