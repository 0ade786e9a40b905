using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CentresConnectes.Migrations.PostgreSql;

/// <summary>Used by dotnet-ef only: the model of every module, on PostgreSQL (no server needed to add a migration).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        new DatabaseSettings(DatabaseProvider.PostgreSql, "Host=localhost;Database=centres_connectes_design").Configure(options, AppModules.All());
        return new AppDbContext(options.Options);
    }
}
