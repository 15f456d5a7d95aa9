using System.Linq;
using System.Web.Mvc;
using Acme.Storefront.Models;

namespace Acme.Storefront.Controllers
{
    public class HomeController : Controller
    {
        private readonly StorefrontContext _db = new StorefrontContext();

        public ActionResult Index()
        {
            var featured = _db.Products
                .Where(p => p.IsActive && p.StockQuantity > 0)
                .OrderBy(p => p.Name)
                .Take(12)
                .ToList();
            return View(featured);
        }

        public ActionResult Error()
        {
            return View();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _db.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
