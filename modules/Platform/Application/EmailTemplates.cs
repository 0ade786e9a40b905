using System.Net;
using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.Platform.Application;

/// <summary>The platform's e-mails, in French, with the FEDER funding notice (SPEC §9).</summary>
public static class EmailTemplates
{
    public const string FundingNotice = "Ce projet est cofinancé par l'Union Européenne avec le FEDER";

    public static EmailMessage Invitation(string to, string displayName, string structureName, string link, bool hasOtherAccount = false) => Build(to,
        $"Votre compte Centres Connectés – {structureName}",
        $"Bonjour {displayName},",
        $"Un compte a été créé pour vous sur Centres Connectés pour la structure « {structureName} ». " +
        $"Vous vous connecterez avec cette adresse e-mail : {to}. " +
        (hasOtherAccount
            ? "Cette adresse a déjà un compte dans une autre structure : choisissez ici un mot de passe différent, " +
              "c'est lui qui vous fera entrer dans cette structure-ci. "
            : "") +
        "Pour activer le compte, choisissez votre mot de passe en suivant ce lien (valable 3 jours) :",
        link, "Choisir mon mot de passe");

    public static EmailMessage PasswordReset(string to, string displayName, string structureName, string link) => Build(to,
        "Réinitialisation de votre mot de passe – Centres Connectés",
        $"Bonjour {displayName},",
        $"Une demande de réinitialisation du mot de passe de votre compte pour la structure « {structureName} » a été faite. Si elle vient de vous, " +
        "choisissez un nouveau mot de passe en suivant ce lien (valable 3 jours). Sinon, ignorez ce message : votre mot de passe ne change pas.",
        link, "Choisir un nouveau mot de passe");

    public static EmailMessage AccountLocked(string to, string displayName, string address, int minutes, string resetLink) => Build(to,
        "Connexion bloquée sur votre compte – Centres Connectés",
        $"Bonjour {displayName},",
        $"Plusieurs mots de passe erronés ont été essayés sur votre compte depuis l'adresse {address}. " +
        $"Les connexions depuis cette adresse sont bloquées pendant {minutes} minutes ; depuis votre poste habituel, vous pouvez toujours vous connecter. " +
        "Si ce n'était pas vous, choisissez un nouveau mot de passe :",
        resetLink, "Choisir un nouveau mot de passe");

    /// <summary>For an account whose sign-in name is not a mailbox (a family at the kiosk): reminds the identifiant too.</summary>
    public static EmailMessage AccessReminder(string to, string displayName, string identifiant, string link) => Build(to,
        "Vos identifiants – Centres Connectés",
        $"Bonjour {displayName},",
        $"Votre identifiant est : {identifiant}. Pour choisir un nouveau mot de passe, suivez ce lien (valable 3 jours). " +
        "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.",
        link, "Choisir un nouveau mot de passe");

    private static EmailMessage Build(string to, string subject, string greeting, string paragraph, string link, string linkText)
    {
        static string e(string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <!DOCTYPE html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#222">
            <p>{e(greeting)}</p><p>{e(paragraph)}</p>
            <p><a href="{e(link)}" style="display:inline-block;padding:10px 18px;background:#0d6efd;color:#fff;text-decoration:none;border-radius:6px">{e(linkText)}</a></p>
            <p style="font-size:12px;color:#555">Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :<br>{e(link)}</p>
            <hr><p style="font-size:11px;color:#555">{e(FundingNotice)}</p></body></html>
            """;
        var text = $"{greeting}\n\n{paragraph}\n\n{link}\n\n--\n{FundingNotice}\n";
        return new EmailMessage(to, subject, html, text);
    }
}
