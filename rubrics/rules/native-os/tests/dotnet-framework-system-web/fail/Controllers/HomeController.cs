using System;
using System.Web;
// ruleid: dotnet-framework-system-web
using System.Web.Mvc;

namespace Acme.Portal.Controllers
{
    public class HomeController : Controller
    {
        public ActionResult Index()
        {
            ViewBag.Title = HttpUtility.HtmlEncode("Home");
            return View();
        }
    }
}
