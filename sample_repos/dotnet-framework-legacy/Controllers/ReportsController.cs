using System;
using System.Web.Mvc;
using Acme.Storefront.Services;

namespace Acme.Storefront.Controllers
{
    [Authorize(Roles = "Back Office")]
    public class ReportsController : Controller
    {
        private readonly OrderExportService _exports = new OrderExportService();

        [HttpPost]
        [ValidateAntiForgeryToken]
        public ActionResult ExportOrders(DateTime from, DateTime to)
        {
            var path = _exports.ExportOrders(from, to.AddDays(1));
            TempData["ReportMessage"] = "Orders exported to " + path;
            return RedirectToAction("Index", "Home");
        }
    }
}
