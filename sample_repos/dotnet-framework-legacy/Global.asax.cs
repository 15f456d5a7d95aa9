using System;
using System.Web;
using System.Web.Mvc;
using System.Web.Optimization;
using System.Web.Routing;
using log4net;

namespace Acme.Storefront
{
    public class MvcApplication : HttpApplication
    {
        private static readonly ILog Log = LogManager.GetLogger(typeof(MvcApplication));

        protected void Application_Start()
        {
            log4net.Config.XmlConfigurator.Configure();

            AreaRegistration.RegisterAllAreas();
            FilterConfig.RegisterGlobalFilters(GlobalFilters.Filters);
            RouteConfig.RegisterRoutes(RouteTable.Routes);
            BundleConfig.RegisterBundles(BundleTable.Bundles);

            Log.Info("Acme Storefront started");
        }

        protected void Application_Error(object sender, EventArgs e)
        {
            var error = Server.GetLastError();
            var url = HttpContext.Current != null ? HttpUtility.UrlDecode(HttpContext.Current.Request.RawUrl) : "(none)";
            Log.Error("Unhandled error for " + url, error);
        }

        protected void Session_Start(object sender, EventArgs e)
        {
            Session["cart"] = new Models.ShoppingCart();
        }
    }
}
