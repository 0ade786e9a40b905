using CentresConnectes.Ludotheque.Application.Kiosk;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Shared;

/// <summary>One person's fields on a kiosk form: the field-name prefix, the legend, the values, the choices.</summary>
public sealed record KioskMemberFields(string Prefix, string Legend, KioskMemberInput Value, KioskFormLists Lists, bool Optional, string IdPrefix)
{
    public string Name(string field) => $"{Prefix}.{field}";

    public string Id(string field) => $"{IdPrefix}-{field}";
}
