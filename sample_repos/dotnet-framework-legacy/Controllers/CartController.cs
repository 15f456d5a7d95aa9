using System.Web.Mvc;
using Acme.Storefront.Models;
using log4net;

namespace Acme.Storefront.Controllers
{
    public class CartController : Controller
    {
        private static readonly ILog Log = LogManager.GetLogger(typeof(CartController));

        private readonly StorefrontContext _db = new StorefrontContext();

        private ShoppingCart Cart
        {
            get
            {
                var cart = Session["cart"] as ShoppingCart;
                if (cart == null)
                {
                    cart = new ShoppingCart();
                    Session["cart"] = cart;
                }

                return cart;
            }
        }

        public ActionResult Index()
        {
            return View(Cart);
        }

        [HttpPost]
        [ValidateAntiForgeryToken]
        public ActionResult Add(int productId, int quantity = 1)
        {
            var product = _db.Products.Find(productId);
            if (product == null || !product.IsActive)
            {
                return HttpNotFound();
            }

            if (quantity > product.StockQuantity)
            {
                TempData["CartMessage"] = "Only " + product.StockQuantity + " left in stock.";
                return RedirectToAction("Details", "Products", new { id = productId });
            }

            Cart.Add(product, quantity);
            Log.DebugFormat("Added {0} x {1} to cart of session {2}", quantity, product.Sku, Session.SessionID);
            return RedirectToAction("Index");
        }

        [HttpPost]
        [ValidateAntiForgeryToken]
        public ActionResult Remove(int productId)
        {
            Cart.Remove(productId);
            return RedirectToAction("Index");
        }

        [ChildActionOnly]
        public ActionResult Summary()
        {
            return PartialView("_CartSummary", Cart);
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
