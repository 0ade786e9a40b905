using CentresConnectes.Ludotheque.Application.Kiosk;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Shared;

/// <summary>
/// What the « Fiche de présence » partial needs: the page, where VALIDER posts (<paramref name="ValidateUrl"/>
/// without script, <paramref name="ScriptUrl"/> from kiosk.js when it differs), where to go after.
/// </summary>
public sealed record FamilySheet(FamilyPage Page, string ValidateUrl, string DoneUrl, string? EditMembersUrl, string? ScriptUrl = null);
