using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Acme.Catalog.Api.Data.Migrations
{
    /// <summary>
    /// Category merges are recorded for the ERP mapping job, and the denormalised category tree
    /// the storefront reads is rebuilt by a stored procedure owned by the DBA team.
    /// </summary>
    public partial class CategoryMerges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CategoryMerges",
                schema: "catalog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SourceCategoryId = table.Column<int>(type: "int", nullable: false),
                    TargetCategoryId = table.Column<int>(type: "int", nullable: false),
                    ProductsMoved = table.Column<int>(type: "int", nullable: false),
                    MergedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoryMerges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CategoryMerges_Categories_TargetCategoryId",
                        column: x => x.TargetCategoryId,
                        principalSchema: "catalog",
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.Sql(@"
CREATE PROCEDURE catalog.RebuildCategoryTree
AS
BEGIN
    SET NOCOUNT ON;
    TRUNCATE TABLE catalog.CategoryTree;
    WITH tree AS (
        SELECT Id, ParentId, CAST(Slug AS nvarchar(1000)) AS Path FROM catalog.Categories WHERE ParentId IS NULL
        UNION ALL
        SELECT c.Id, c.ParentId, CAST(t.Path + '/' + c.Slug AS nvarchar(1000))
        FROM catalog.Categories c JOIN tree t ON c.ParentId = t.Id
    )
    INSERT INTO catalog.CategoryTree (CategoryId, Path) SELECT Id, Path FROM tree;
END");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP PROCEDURE catalog.RebuildCategoryTree");
            migrationBuilder.DropTable(name: "CategoryMerges", schema: "catalog");
        }
    }
}
