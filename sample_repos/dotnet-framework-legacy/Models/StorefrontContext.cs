using System.Data.Entity;
using System.Data.Entity.ModelConfiguration.Conventions;

namespace Acme.Storefront.Models
{
    public class StorefrontContext : DbContext
    {
        public StorefrontContext()
            : base("name=StorefrontContext")
        {
        }

        public DbSet<Product> Products { get; set; }

        public DbSet<Order> Orders { get; set; }

        public DbSet<OrderLine> OrderLines { get; set; }

        protected override void OnModelCreating(DbModelBuilder modelBuilder)
        {
            modelBuilder.Conventions.Remove<PluralizingTableNameConvention>();
            modelBuilder.Entity<Product>().Property(p => p.Price).HasPrecision(12, 2);
            modelBuilder.Entity<Order>().Property(o => o.ShippingCost).HasPrecision(12, 2);
            modelBuilder.Entity<OrderLine>().Property(l => l.UnitPrice).HasPrecision(12, 2);
        }
    }
}
