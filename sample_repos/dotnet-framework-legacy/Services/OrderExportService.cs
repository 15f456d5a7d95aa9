using System;
using System.Configuration;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Acme.Storefront.Models;
using log4net;

namespace Acme.Storefront.Services
{
    /// <summary>
    /// Writes the orders of a period as a semicolon-separated file for the accounting package,
    /// which imports everything it finds in the export folder.
    /// </summary>
    public class OrderExportService
    {
        private static readonly ILog Log = LogManager.GetLogger(typeof(OrderExportService));

        private static string ExportRoot
        {
            get { return ConfigurationManager.AppSettings["ExportRoot"] ?? @"C:\AppData\exports"; }
        }

        public string ExportOrders(DateTime from, DateTime to)
        {
            using (var db = new StorefrontContext())
            {
                var orders = db.Orders.Include("Lines")
                    .Where(o => o.PlacedAt >= from && o.PlacedAt < to && o.Status != OrderStatus.Cancelled)
                    .OrderBy(o => o.PlacedAt)
                    .ToList();

                var csv = new StringBuilder();
                csv.AppendLine("OrderNumber;PlacedAt;Customer;Email;Lines;Total");
                foreach (var order in orders)
                {
                    csv.AppendLine(string.Join(";",
                        order.OrderNumber,
                        order.PlacedAt.ToString("s", CultureInfo.InvariantCulture),
                        order.CustomerName.Replace(";", ","),
                        order.CustomerEmail,
                        order.Lines.Count.ToString(CultureInfo.InvariantCulture),
                        order.Total.ToString("0.00", CultureInfo.InvariantCulture)));
                }

                Directory.CreateDirectory(ExportRoot);
                var path = Path.Combine(ExportRoot, string.Format("orders_{0:yyyyMMdd}_{1:yyyyMMdd}.csv", from, to));
                File.WriteAllText(path, csv.ToString(), Encoding.GetEncoding(1252));

                Log.InfoFormat("Exported {0} orders to {1}", orders.Count, path);
                return path;
            }
        }
    }
}
