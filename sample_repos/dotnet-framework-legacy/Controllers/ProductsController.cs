using System.Linq;
using System.Net;
using System.Web.Mvc;
using Acme.Storefront.Models;

namespace Acme.Storefront.Controllers
{
    public class ProductsController : Controller
    {
        private const int PageSize = 24;

        private readonly StorefrontContext _db = new StorefrontContext();

        public ActionResult Index(string q, int page = 1)
        {
            var products = _db.Products.Where(p => p.IsActive);
            if (!string.IsNullOrWhiteSpace(q))
            {
                products = products.Where(p => p.Name.Contains(q) || p.Sku == q);
            }

            ViewBag.Query = q;
            ViewBag.Page = page;
            return View(products.OrderBy(p => p.Name).Skip((page - 1) * PageSize).Take(PageSize).ToList());
        }

        public ActionResult Details(int? id)
        {
            if (id == null)
            {
                return new HttpStatusCodeResult(HttpStatusCode.BadRequest);
            }

            var product = _db.Products.Find(id);
            if (product == null || !product.IsActive)
            {
                return HttpNotFound();
            }

            return View(product);
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
