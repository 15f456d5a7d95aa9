using Acme.Catalog.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Acme.Catalog.Api.Data;

public class CatalogDbContext : DbContext
{
    public CatalogDbContext(DbContextOptions<CatalogDbContext> options)
        : base(options)
    {
    }

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<PriceChange> PriceChanges => Set<PriceChange>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("catalog");

        modelBuilder.Entity<Category>(category =>
        {
            category.ToTable("Categories");
            category.Property(c => c.Name).HasMaxLength(120).IsRequired();
            category.Property(c => c.Slug).HasMaxLength(120).IsRequired();
            category.HasIndex(c => c.Slug).IsUnique();
            category.HasOne(c => c.Parent)
                .WithMany()
                .HasForeignKey(c => c.ParentId)
                .OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Product>(product =>
        {
            product.ToTable("Products");
            product.Property(p => p.Sku).HasMaxLength(40).IsRequired();
            product.HasIndex(p => p.Sku).IsUnique();
            product.Property(p => p.Name).HasMaxLength(200).IsRequired();
            product.Property(p => p.ListPrice).HasPrecision(12, 2);
            product.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
            product.HasOne(p => p.Category)
                .WithMany(c => c.Products)
                .HasForeignKey(p => p.CategoryId);
        });

        modelBuilder.Entity<PriceChange>(change =>
        {
            change.ToTable("PriceChanges");
            change.Property(c => c.OldPrice).HasPrecision(12, 2);
            change.Property(c => c.NewPrice).HasPrecision(12, 2);
            change.Property(c => c.Reason).HasMaxLength(250);
            change.HasOne(c => c.Product)
                .WithMany(p => p.PriceHistory)
                .HasForeignKey(c => c.ProductId)
                .OnDelete(DeleteBehavior.Cascade);
        });
    }
}
