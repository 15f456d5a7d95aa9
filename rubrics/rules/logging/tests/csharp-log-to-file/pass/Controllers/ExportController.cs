using System.IO;
using Microsoft.AspNetCore.Mvc;

namespace Acme.Billing.Controllers
{
    public class ExportController : Controller
    {
        public IActionResult Csv()
        {
            var text = System.IO.File.ReadAllText("templates/export.csv");
            // MVC's File(...) result, not a log sink
            return File(System.Text.Encoding.UTF8.GetBytes(text), "text/csv", "export.csv");
        }
    }
}
