var builder = WebApplication.CreateBuilder(args);
// ruleid: sqlite-file-database
builder.Services.AddDbContext<ShopContext>(o => o.UseSqlite("Data Source=shop.db"));
