public class CartController : Controller
{
    public ActionResult Show()
    {
        // Session["Cart"] = cart;
        var cart = Session["Cart"] as Cart;
        ViewBag.Cart = cart;
        TempData["Message"] = "ok";
        return View(cart);
    }
}
