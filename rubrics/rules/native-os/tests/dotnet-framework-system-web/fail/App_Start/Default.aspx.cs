using System;
// ruleid: dotnet-framework-system-web
using System.Web.UI;
// ruleid: dotnet-framework-system-web
using System.Web.UI.WebControls;

namespace Acme.Portal
{
    public partial class Default : Page
    {
        protected void Page_Load(object sender, EventArgs e)
        {
        }
    }
}
