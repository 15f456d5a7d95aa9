using System.Net.Http;
// System.Web alone also names HttpUtility on .NET (Core); it is not a System.Web dependency
using System.Web;
using Microsoft.AspNetCore.Mvc;
// using System.Web.Mvc;
/*
using System.Web.UI;
*/

namespace Acme.Portal
{
    public class HomeController : Controller
    {
        private const string Legacy = "System.Web.Mvc";

        public IActionResult Index(string q)
        {
            return Content(HttpUtility.HtmlEncode(q ?? Legacy));
        }
    }
}
