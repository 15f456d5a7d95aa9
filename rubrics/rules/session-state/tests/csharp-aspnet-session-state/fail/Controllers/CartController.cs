using System.Web.Mvc;

public class CartController : Controller
{
    public ActionResult Add(int id)
    {
        var cart = new Cart();
        // ruleid: csharp-aspnet-session-state
        Session["Cart"] = cart;
        // ruleid: csharp-aspnet-session-state
        HttpContext.Current.Session["LastProduct"] = id;
        // ruleid: csharp-aspnet-session-state
        Session.Add("Visited", true);
        return View();
    }
}
