namespace CentresConnectes.Members.Application;

/// <summary>
/// The person already exists in the structure (same nom + prénom + date de naissance, mobile or
/// e-mail): pages redirect to <see cref="ExistingPersonId"/>, the API answers 409 with it.
/// </summary>
public sealed class DuplicatePersonException(Guid existingPersonId, string reason)
    : Exception("Cette personne est déjà inscrite.")
{
    public Guid ExistingPersonId { get; } = existingPersonId;
    /// <summary>What matched, in French ("même nom, prénom et date de naissance"...).</summary>
    public string Reason { get; } = reason;
}
