namespace CentresConnectes.Ludotheque.Contracts;

public static class LudothequePermissions
{
    /// <summary>See the ludothèque: today's slots, the counter.</summary>
    public const string Read = "Ludotheque.Read";
    /// <summary>Generate and delete opening slots (Gestion des créneaux).</summary>
    public const string Slots = "Ludotheque.Slots";
    /// <summary>Record presences for any date, remove a wrong one.</summary>
    public const string Presences = "Ludotheque.Presences";
    /// <summary>Attendance lists (Liste de présence): screen, print, PDF, XLSX.</summary>
    public const string AttendanceLists = "Ludotheque.AttendanceLists";
    /// <summary>Enrol a tablet as the structure's kiosk, manage family accounts and cards.</summary>
    public const string Kiosk = "Ludotheque.Kiosk";
    /// <summary>A family account's own check-in page (held by the Famille role; staff get it by acting as the family).</summary>
    public const string FamilyCheckIn = "Ludotheque.FamilyCheckIn";
}
