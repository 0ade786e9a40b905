namespace CentresConnectes.Benchmarks;

/// <summary>Realistic French register data, deterministic (seeded).</summary>
internal static class FrenchData
{
    public static readonly string[] LastNames =
    [
        "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT", "SIMON", "MICHEL",
        "LEFÈVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD", "BONNET", "DUPONT", "LAMBERT", "FONTAINE",
        "ROUSSEAU", "VINCENT", "MÜLLER", "LEFEBVRE", "FAURE", "ANDRÉ", "MERCIER", "BLANC", "GUÉRIN", "BOYER", "GARNIER", "CHEVALIER",
        "FRANÇOIS", "LEGRAND", "GAUTHIER", "GARCIA", "PERRIN", "ROBIN", "CLÉMENT", "MORIN", "NICOLAS", "HENRY", "ROUSSEL", "MATHIEU",
        "GAUTIER", "MASSON", "MARCHAND", "DUVAL", "DENIS", "DUMONT", "MARIE", "LEMAIRE", "NOËL", "MEYER", "DUFOUR", "MEUNIER",
        "BRUN", "BLANCHARD", "GIRAUD", "JOLY", "RIVIÈRE", "LUCAS", "BRUNET", "GAILLARD", "BARBIER", "ARNAUD", "MARTINEZ", "GÉRARD",
        "ROCHE", "RENARD", "SCHMITT", "ROY", "LEROUX", "COLIN", "VIDAL", "CARON", "PICARD", "ROGER", "FABRE", "AUBERT",
        "LEMOINE", "RENAUD", "DUMAS", "LACROIX", "OLIVIER", "PHILIPPE", "BOURGEOIS", "PIERRE", "BENOÎT", "REY", "LECLERC", "PAYET",
        "ROLLAND", "LECLERCQ", "GUILLAUME", "LECOMTE", "LOPEZ", "JEAN", "DUPUY", "GUILLOT", "HUBERT", "BERGER", "CARPENTIER", "SANCHEZ",
        "DUPUIS", "MOULIN", "LOUIS", "DESCHAMPS", "HUET", "VASSEUR", "PEREZ", "BOUCHER", "FLEURY", "ROYER", "KLEIN", "JACQUET",
        "ADAM", "PARIS", "POIRIER", "MARTY", "AUBRY", "GUYOT", "CARRÉ", "CHARLES", "RENAULT", "CHARPENTIER", "MÉNARD", "MAILLARD",
        "BARON", "BERTIN", "BAILLY", "HERVÉ", "SCHNEIDER", "FERNANDEZ", "LE GALL", "COLLET", "LÉGER", "BOUVIER", "JULIEN", "PRÉVOST",
        "MILLET", "PERROT", "DANIEL", "LE ROUX", "COUSIN", "GERMAIN", "BRETON", "BESSON", "LANGLOIS", "RÉMY", "LE GOFF", "PELLETIER",
        "LÉVÊQUE", "PERRIER", "LEBLANC", "BARRÉ", "LEBRUN", "MARCHAL", "WEBER", "MALLET", "HAMON", "BOULANGER", "JACOB", "MONNIER",
        "BENSALEM", "BOUZIDI", "HADDAD", "NGUYEN", "TRAORÉ", "DIALLO", "KONÉ", "N'DIAYE", "BELKACEM", "MEZIANE", "SAÏDI", "OUALI",
    ];

    public static readonly string[] FemaleNames =
    [
        "Marie", "Jeanne", "Françoise", "Monique", "Catherine", "Nathalie", "Isabelle", "Sylvie", "Sandrine", "Céline", "Aurélie", "Émilie",
        "Julie", "Camille", "Léa", "Manon", "Chloé", "Inès", "Jade", "Louise", "Alice", "Lina", "Rose", "Anna", "Mila", "Ambre", "Zoé",
        "Léna", "Juliette", "Maëlys", "Éloïse", "Agathe", "Héloïse", "Noémie", "Océane", "Sarah", "Yasmine", "Fatima", "Aïcha", "Nadia",
        "Marie-Claire", "Anne-Sophie", "Hélène", "Béatrice", "Gaëlle", "Mélissa", "Clémence", "Salomé", "Lucie", "Élodie",
    ];

    public static readonly string[] MaleNames =
    [
        "Jean", "Pierre", "Michel", "André", "Philippe", "Alain", "Patrick", "Nicolas", "Christophe", "Stéphane", "Sébastien", "Julien",
        "Thomas", "Lucas", "Hugo", "Louis", "Gabriel", "Arthur", "Jules", "Raphaël", "Adam", "Léo", "Maël", "Noé", "Paul", "Nathan",
        "Ethan", "Timéo", "Mathis", "Théo", "Enzo", "Rayan", "Mohamed", "Yanis", "Karim", "Mehdi", "Sofiane", "Farès", "Luka", "Soan",
        "Jean-Pierre", "Jean-François", "Jérôme", "François", "Benoît", "Grégoire", "Loïc", "Gaël", "Cédric", "Rémi",
    ];

    public static readonly string[] Cities = ["Lille", "Lille", "Lille", "Faches-Thumesnil", "Faches-Thumesnil", "Ronchin", "Autres", "Villeneuve-d'Ascq"];

    public static readonly string[] Statuts = ["Mère", "Père", "Enfant à charge", "Enfant à charge", "Enfant à charge", ""];

    public static string Fold(string value) =>
        new(value.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
