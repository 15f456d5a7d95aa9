using System;
// ruleid: dotnet-framework-system-web
using System.Web.Http;
// ruleid: dotnet-framework-system-web
using System.Web.Optimization;
// ruleid: dotnet-framework-system-web
using System.Web.Routing;

namespace Acme.Portal
{
    public class MvcApplication : System.Web.HttpApplication
    {
        protected void Application_Start()
        {
            GlobalConfiguration.Configure(WebApiConfig.Register);
            RouteConfig.RegisterRoutes(RouteTable.Routes);
            BundleConfig.RegisterBundles(BundleTable.Bundles);
        }
    }
}
