namespace CentresConnectes.ReferenceData.Contracts;

/// <summary>
/// The current structure's « message d'accueil » (Paramètres → Message d'accueil), for the kiosk home.
/// Safe rich text: sanitised when saved and again when read, so it can be rendered as HTML.
/// </summary>
public interface IWelcomeMessageSource
{
    /// <summary>The HTML, or null when the structure has written none.</summary>
    Task<string?> GetCurrentAsync(CancellationToken ct = default);
}
