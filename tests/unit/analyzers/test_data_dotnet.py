"""C#: EF Core contexts and conventions, [Table], EF migrations, LINQ access, transactions, procedures."""

from __future__ import annotations

from tests.unit.analyzers.data_support import MakeApp, accesses, analyze, findings, keys, tables, transactions

CONTEXT = """\
using Microsoft.EntityFrameworkCore;

namespace Shop.Data;

public class ShopContext : DbContext
{
    public DbSet<Order> Orders { get; set; } = null!;
    public DbSet<OrderLine> Lines => Set<OrderLine>();
    public DbSet<Customer> Customers { get; set; } = null!;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("sales");
        modelBuilder.Entity<OrderLine>().ToTable("OrderLines");
    }
}
"""

ENTITIES = """\
using System.ComponentModel.DataAnnotations.Schema;

namespace Shop.Data;

[Table("customer_accounts")]
public class Customer
{
    public int Id { get; set; }
}

public class Order
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public virtual Customer Customer { get; set; } = null!;
    public ICollection<OrderLine> Lines { get; set; } = new List<OrderLine>();
}

public class OrderLine
{
    public int Id { get; set; }
    public Order Order { get; set; } = null!;
}
"""

SERVICE = """\
using System.Data;
using System.Transactions;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Shop.Services;

public sealed class OrderService
{
    private readonly ShopContext _db;

    public OrderService(ShopContext db) => _db = db;

    public async Task<Order> PlaceAsync(Order order, CancellationToken ct)
    {
        await using var tx = await _db.Database.BeginTransactionAsync(ct);
        if (!await _db.Customers.AnyAsync(c => c.Id == order.CustomerId, ct))
        {
            throw new InvalidOperationException();
        }
        _db.Orders.Add(order);
        await _db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return order;
    }

    public void Archive(SqlConnection connection)
    {
        using (var scope = new TransactionScope())
        {
            using var command = new SqlCommand("dbo.ArchiveOrders", connection);
            command.CommandType = CommandType.StoredProcedure;
            command.ExecuteNonQuery();
            _db.Lines.Where(l => l.Order.Id < 0).ExecuteDelete();
            scope.Complete();
        }
    }
}
"""

MIGRATION = """\
using Microsoft.EntityFrameworkCore.Migrations;

public partial class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Invoices",
            schema: "billing",
            columns: table => new { Id = table.Column<int>(nullable: false), OrderId = table.Column<int>(nullable: false) },
            constraints: table =>
            {
                table.PrimaryKey("PK_Invoices", x => x.Id);
                table.ForeignKey(
                    name: "FK_Invoices_Orders_OrderId",
                    column: x => x.OrderId,
                    principalSchema: "sales",
                    principalTable: "Orders",
                    principalColumn: "Id");
            });
        migrationBuilder.AddForeignKey(
            name: "FK_Payments_Invoices",
            table: "Payments",
            column: "InvoiceId",
            principalTable: "Invoices",
            principalColumn: "Id");
    }
}
"""


def test_ef_core_model(make_app: MakeApp) -> None:
    result = analyze(make_app, {"Data/ShopContext.cs": CONTEXT, "Data/Entities.cs": ENTITIES})
    assert tables(result) == ["customer_accounts", "OrderLines", "Orders"]
    assert {t.schema for t in result.model.tables} == {"sales"}
    assert {(e.unit, e.table) for e in result.model.entities} == {
        ("Shop.Data.Customer", "customer_accounts"),
        ("Shop.Data.Order", "Orders"),
        ("Shop.Data.OrderLine", "OrderLines"),
    }
    assert keys(result) == {
        ("Orders", "customer_accounts", ("CustomerId",)),
        ("OrderLines", "Orders", ("OrderId",)),
    }


def test_linq_access_transactions_and_procedures(make_app: MakeApp) -> None:
    result = analyze(
        make_app,
        {"Data/ShopContext.cs": CONTEXT, "Data/Entities.cs": ENTITIES, "Services/OrderService.cs": SERVICE},
    )
    assert accesses(result) == {
        ("Shop.Services.OrderService", "customer_accounts", "read"),
        ("Shop.Services.OrderService", "Orders", "write"),
        ("Shop.Services.OrderService", "OrderLines", "write"),
    }
    assert transactions(result) == {
        ("PlaceAsync", "ef-core", ("customer_accounts", "Orders")),
        ("Archive", "transaction-scope", ("OrderLines",)),
    }
    assert findings(result) == {("stored-procedure", "Services/OrderService.cs", 32)}


def test_ef_migrations(make_app: MakeApp) -> None:
    result = analyze(make_app, {"Migrations/20240101_Initial.cs": MIGRATION})
    assert [(t.name, t.schema, t.source) for t in result.model.tables] == [
        ("Invoices", "billing", "ef-migration")
    ]
    assert keys(result) == {("Invoices", "Orders", ("OrderId",)), ("Payments", "Invoices", ("InvoiceId",))}


ADO = """\
using System.Data.SqlClient;
using System.Transactions;

namespace Legacy.Billing;

public class InvoiceBatch
{
    public void Close(SqlConnection connection)
    {
        using (SqlTransaction tx = connection.BeginTransaction())
        {
            new SqlCommand("UPDATE invoices SET closed = 1 WHERE due < GETDATE()", connection, tx).ExecuteNonQuery();
            new SqlCommand("INSERT INTO invoice_audit (kind) VALUES ('close')", connection, tx).ExecuteNonQuery();
            tx.Commit();
        }
    }

    public void Enlist(SqlConnection connection, CommittableTransaction distributed)
    {
        connection.EnlistTransaction(distributed);
    }
}
"""


def test_ado_net_transactions_and_dtc_enlistment(make_app: MakeApp) -> None:
    result = analyze(make_app, {"Billing/InvoiceBatch.cs": ADO})
    assert transactions(result) == {("Close", "ado-net", ("invoice_audit", "invoices"))}
    assert accesses(result) == {
        ("Legacy.Billing.InvoiceBatch", "invoices", "write"),
        ("Legacy.Billing.InvoiceBatch", "invoice_audit", "write"),
    }
    assert findings(result) == {("distributed-transaction", "Billing/InvoiceBatch.cs", 20)}
