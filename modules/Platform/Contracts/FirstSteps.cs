namespace CentresConnectes.Platform.Contracts;

/// <summary>
/// One item of the « Premiers pas » checklist on a structure's home page (issue 11): what a new
/// structure should set up first (its villes, groups, welcome message, logo, team accounts), shown
/// to the users who may do it, until every item is done.
/// </summary>
public sealed record FirstStep(string Text, string Hint, string Url, string Permission, bool Done, int Order);

/// <summary>Implemented by the modules that own a first step (ReferenceData: lists, welcome, logo; Platform: accounts).</summary>
public interface IFirstStepsContributor
{
    /// <summary>The current structure's steps (called inside the structure).</summary>
    Task<IReadOnlyList<FirstStep>> GetAsync(CancellationToken ct = default);
}
