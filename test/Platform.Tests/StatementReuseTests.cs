using CentresConnectes.Platform.Infrastructure;
using Npgsql;

namespace CentresConnectes.Platform.Tests;

/// <summary>The application's PostgreSQL connections keep their prepared statements (ADR 0023), unless the operator said otherwise.</summary>
public sealed class StatementReuseTests
{
    private const string Server = "Host=db.example;Database=cc;Username=cc;Password='p;a=ss'";

    [Fact]
    public void Statements_are_prepared_and_kept_when_the_connection_string_says_nothing()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseSettings.WithStatementReuse(Server));

        tuned.MaxAutoPrepare.ShouldBe(64);
        tuned.NoResetOnClose.ShouldBeTrue();
        tuned.Host.ShouldBe("db.example");
        tuned.Password.ShouldBe("p;a=ss");
    }

    [Theory]
    [InlineData("Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("maxautoprepare=0;NORESETONCLOSE=false")]
    public void What_the_operator_sets_wins(string settings)
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseSettings.WithStatementReuse(Server + ";" + settings));

        tuned.MaxAutoPrepare.ShouldBe(0);
        tuned.NoResetOnClose.ShouldBeFalse();
    }
}
