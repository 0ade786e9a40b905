namespace CentresConnectes.Statistics.Contracts;

public static class StatisticsPermissions
{
    /// <summary>See the figures, their drill-down lists and exports.</summary>
    public const string Read = "Statistics.Read";
}
