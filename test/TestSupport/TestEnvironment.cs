namespace CentresConnectes.TestSupport;

/// <summary>
/// The real components etc/scripts/test.sh starts. A missing one fails the test with a clear
/// message: tests are never skipped silently (and never under CI=true).
/// </summary>
public static class TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string PostgresConnectionString => Require("CC_TEST_POSTGRES", "PostgreSQL");
    public static string SmtpHost => Require("CC_TEST_SMTP_HOST", "the SMTP sink");
    public static int SmtpPort => int.Parse(Require("CC_TEST_SMTP_PORT", "the SMTP sink"));
    public static string SmtpMaildir => Require("CC_TEST_SMTP_MAILDIR", "the SMTP sink");
    public static string Chromium => Environment.GetEnvironmentVariable("CC_TEST_CHROMIUM") is { Length: > 0 } path && File.Exists(path)
        ? path
        : throw new InvalidOperationException("Chromium is missing (CC_TEST_CHROMIUM). Run the tests with etc/scripts/test.sh, which installs and starts what they need.");

    /// <summary>The repository root: the folder holding the solution file, above the test binaries.</summary>
    public static DirectoryInfo RepositoryRoot { get; } = FindRepositoryRoot();

    private static DirectoryInfo FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CentresConnectes.slnx")))
                return dir;
        }
        throw new InvalidOperationException("CentresConnectes.slnx not found above " + AppContext.BaseDirectory);
    }

    private static string Require(string variable, string component) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{component} is not available ({variable} is not set). Run the tests with etc/scripts/test.sh, which installs and starts what they need.");
}
