using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhuThoCa.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DispatchAndHandoverPermission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GiverUnit",
                table: "TokenHandovers",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PermissionDate",
                table: "TokenHandovers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PermissionNumber",
                table: "TokenHandovers",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceiverUnit",
                table: "TokenHandovers",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SentToCaOn",
                table: "Requests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SentToCaVia",
                table: "Requests",
                type: "int",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GiverUnit",
                table: "TokenHandovers");

            migrationBuilder.DropColumn(
                name: "PermissionDate",
                table: "TokenHandovers");

            migrationBuilder.DropColumn(
                name: "PermissionNumber",
                table: "TokenHandovers");

            migrationBuilder.DropColumn(
                name: "ReceiverUnit",
                table: "TokenHandovers");

            migrationBuilder.DropColumn(
                name: "SentToCaOn",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "SentToCaVia",
                table: "Requests");
        }
    }
}
