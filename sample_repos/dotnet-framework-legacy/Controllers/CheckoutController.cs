using System;
using System.Configuration;
using System.Globalization;
using System.Linq;
using System.Web.Mvc;
using Acme.Storefront.Models;
using Acme.Storefront.ViewModels;
using log4net;

namespace Acme.Storefront.Controllers
{
    public class CheckoutController : Controller
    {
        private static readonly ILog Log = LogManager.GetLogger(typeof(CheckoutController));

        private readonly StorefrontContext _db = new StorefrontContext();

        private static decimal ShippingFlatRate
        {
            get { return decimal.Parse(ConfigurationManager.AppSettings["ShippingFlatRate"], CultureInfo.InvariantCulture); }
        }

        public ActionResult Index()
        {
            var cart = Session["cart"] as ShoppingCart;
            if (cart == null || cart.ItemCount == 0)
            {
                return RedirectToAction("Index", "Cart");
            }

            return View(new CheckoutViewModel { Cart = cart, ShippingCost = ShippingFlatRate });
        }

        [HttpPost]
        [ValidateAntiForgeryToken]
        public ActionResult Index(CheckoutViewModel model)
        {
            var cart = Session["cart"] as ShoppingCart;
            if (cart == null || cart.ItemCount == 0)
            {
                return RedirectToAction("Index", "Cart");
            }

            model.Cart = cart;
            model.ShippingCost = ShippingFlatRate;
            if (!ModelState.IsValid)
            {
                return View(model);
            }

            var order = new Order
            {
                OrderNumber = "W" + DateTime.Now.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture),
                CustomerName = model.CustomerName,
                CustomerEmail = model.CustomerEmail,
                ShippingAddress = model.ShippingAddress,
                ShippingCost = model.ShippingCost,
                Status = OrderStatus.Received,
                PlacedAt = DateTime.Now
            };

            foreach (var line in cart.Lines)
            {
                var product = _db.Products.Single(p => p.Id == line.ProductId);
                if (product.StockQuantity < line.Quantity)
                {
                    ModelState.AddModelError(string.Empty, product.Name + " is no longer available in that quantity.");
                    return View(model);
                }

                product.StockQuantity -= line.Quantity;
                order.Lines.Add(new OrderLine { ProductId = product.Id, Quantity = line.Quantity, UnitPrice = product.Price });
            }

            _db.Orders.Add(order);
            _db.SaveChanges();
            cart.Clear();

            Log.InfoFormat("Order {0} placed by {1}, total {2}", order.OrderNumber, order.CustomerEmail, order.Total);
            return RedirectToAction("Confirmation", new { id = order.Id });
        }

        public ActionResult Confirmation(int id)
        {
            var order = _db.Orders.Include("Lines.Product").SingleOrDefault(o => o.Id == id);
            if (order == null)
            {
                return HttpNotFound();
            }

            return View(order);
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
